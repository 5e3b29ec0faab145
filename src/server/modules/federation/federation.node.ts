import { z } from 'zod';
import type { Config, FederationSettings } from '../../config.ts';
import { loadOrCreateNodeKey, type NodeKey } from '../../node-identity.ts';
import { levelRank, type PublishLevel } from '../../../shared/library.ts';
import type { NodeLevel, PeerRelation } from './federation.schema.ts';

/** This node as the federation sees it: its key, what it serves and where it answers. */
export interface NodeSelf {
  key: NodeKey;
  settings: FederationSettings;
  publicUrl: string;
}

/** A node configured without federation settings serves every seeded jurisdiction at province level. */
export const DEFAULT_FEDERATION: FederationSettings = {
  name: 'EduBridge',
  jurisdictions: ['GD', 'HK', 'MO', 'HB'],
  level: 'province',
  pullSeconds: 300,
};

export function nodeSelf(config: Config): NodeSelf {
  return { key: loadOrCreateNodeKey(config.dataDir), settings: config.federation ?? DEFAULT_FEDERATION, publicUrl: config.publicUrl };
}

export const WELL_KNOWN_PATH = '/.well-known/edubridge';

/** The node description at `/.well-known/edubridge`: everything a peer needs to verify and pull us. */
export const ZNodeDescription = z.object({
  software: z.literal('edubridge'),
  protocol: z.literal(1),
  nodeId: z.string().min(16).max(100),
  name: z.string().min(1).max(100),
  publicKey: z.object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
    kid: z.string().optional(),
  }),
  jurisdictions: z
    .array(z.string().regex(/^[A-Z]{2,8}$/))
    .min(1)
    .max(20),
  level: z.enum(['district', 'city', 'province', 'national']),
  url: z.url(),
  feedUrl: z.url(),
});
export type NodeDescription = z.infer<typeof ZNodeDescription>;

export function describeNode(self: NodeSelf): NodeDescription {
  return {
    software: 'edubridge',
    protocol: 1,
    nodeId: self.key.keyId,
    name: self.settings.name,
    publicKey: self.key.publicJwk,
    jurisdictions: self.settings.jurisdictions,
    level: self.settings.level,
    url: self.publicUrl,
    feedUrl: `${self.publicUrl}/federation/v1/changes`,
  };
}

/** The publish level that matches a node level: a national node's audience is the bay area and beyond. */
export function publishLevelOfNode(level: NodeLevel): PublishLevel {
  return level === 'national' ? 'bay-area' : level;
}

/** What the other side calls us when we call it `relation`. */
export function inverseRelation(relation: PeerRelation): PeerRelation {
  return relation === 'parent' ? 'child' : relation === 'child' ? 'parent' : 'sibling';
}

/**
 * The publish levels a peer may receive (DESIGN.md §2 四级联动): a parent gets what was published at or
 * above its own level (flows up); a child gets what this node published at or above this node's level
 * (flows down); a sibling — another jurisdiction — gets bay-area and public items only.
 */
export function levelsForPeer(relation: PeerRelation, peerLevel: NodeLevel, ownLevel: NodeLevel): PublishLevel[] {
  const floor: PublishLevel =
    relation === 'sibling' ? 'bay-area' : relation === 'parent' ? publishLevelOfNode(peerLevel) : publishLevelOfNode(ownLevel);
  const all: PublishLevel[] = ['district', 'city', 'province', 'bay-area', 'public'];
  return all.filter((l) => levelRank(l) >= levelRank(floor));
}
