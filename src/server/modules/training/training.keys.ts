import { loadOrCreateNodeKey, type NodeKey } from '../../node-identity.ts';
import { deriveQrKey } from './training.qr.ts';

/**
 * Keys and addresses the training module needs outside a request too (the demo seed issues a certificate):
 * `trainingRoutes` calls `configureTraining` when the app is built, as privacy does for its keys.
 */
interface TrainingKeys {
  qrKey: Buffer;
  nodeKey: NodeKey;
  publicUrl: string;
}

let keys: TrainingKeys | null = null;

/** @example configureTraining({ sessionSecret: config.sessionSecret, dataDir: config.dataDir, publicUrl: config.publicUrl }) */
export function configureTraining(opts: { sessionSecret: string; dataDir: string; publicUrl: string }): void {
  keys = {
    qrKey: deriveQrKey(opts.sessionSecret),
    nodeKey: loadOrCreateNodeKey(opts.dataDir),
    publicUrl: opts.publicUrl.replace(/\/$/, ''),
  };
}

export function trainingConfigured(): boolean {
  return keys !== null;
}

export function trainingKeys(): TrainingKeys {
  if (!keys) throw new Error('training is not configured (configureTraining was not called)');
  return keys;
}
