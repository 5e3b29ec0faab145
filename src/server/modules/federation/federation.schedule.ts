import type { FastifyBaseLogger } from 'fastify';
import type { BlobStore } from '../../blobs/blob-store.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { nodeSelf } from './federation.node.ts';
import { pullDuePeers } from './federation.pull.ts';

/**
 * Pulls peers' feeds in the background (called from main.ts beside the other housekeeping). Each peer
 * has its own next-pull time with backoff (federation.pull.ts); this only wakes up often enough to honour
 * the shortest interval, and never runs two rounds at once.
 */
export function startFederationPulls(deps: { config: Config; db: Db; blobs: BlobStore; log: FastifyBaseLogger }): () => void {
  const self = nodeSelf(deps.config);
  const tickMs = Math.min(self.settings.pullSeconds, 30) * 1000;
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await pullDuePeers(deps.db, deps.blobs, self, (err, peer) =>
        deps.log.warn({ err: { message: (err as Error).message }, peer: peer.baseUrl }, 'federation pull failed'),
      );
    } catch (err) {
      deps.log.warn({ err }, 'federation pull round failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), tickMs);
  timer.unref();
  void tick();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
