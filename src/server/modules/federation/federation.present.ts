import type { FederatedItemRow, PeerRow } from './federation.schema.ts';

/** A peer for the admin pages: no key material beyond its id, and feed health. */
export function presentPeer(p: PeerRow, received: number) {
  return {
    id: p.id,
    nodeId: p.nodeId,
    name: p.name,
    url: p.baseUrl,
    jurisdictions: p.jurisdictions,
    level: p.level,
    relation: p.relation,
    status: p.status,
    health: {
      lastPullAt: p.lastPullAt?.toISOString() ?? null,
      lastSuccessAt: p.lastSuccessAt?.toISOString() ?? null,
      lastChangeAt: p.lastChangeAt?.toISOString() ?? null,
      /** Seconds since the last successful pull (how stale this node's copy may be); null before the first. */
      lagSeconds: p.lastSuccessAt ? Math.max(0, Math.round((Date.now() - p.lastSuccessAt.getTime()) / 1000)) : null,
      lastError: p.lastError,
      failures: p.failures,
      nextPullAt: p.nextPullAt.toISOString(),
      received,
    },
    createdAt: p.createdAt.toISOString(),
  };
}

/** A received item with its provenance (origin node, its address, when it was received). */
export function presentItem(i: FederatedItemRow) {
  const payload = i.payload as {
    text?: string;
    keywords?: string[];
    language?: string;
    subject?: string;
    gradeBand?: string;
    licence?: string;
    attribution?: string | null;
  };
  return {
    id: i.id,
    kind: i.kind,
    title: i.title,
    summary: i.summary,
    text: payload.text ?? '',
    keywords: payload.keywords ?? [],
    language: payload.language ?? null,
    subject: payload.subject ?? null,
    gradeBand: payload.gradeBand ?? null,
    licence: payload.licence ?? null,
    attribution: payload.attribution ?? null,
    level: i.level,
    jurisdiction: i.jurisdictionCode,
    /** What only this kind carries (course units, contest dates and rules, indicator value…). */
    details: detailsOf(i),
    files: i.files,
    origin: { nodeId: i.originNodeId, name: i.originName, url: i.originUrl, id: i.originId, updatedAt: i.originUpdatedAt.toISOString() },
    receivedAt: i.receivedAt.toISOString(),
  };
}

/** The kind-specific part of a received item's payload, without what the common fields already show. */
function detailsOf(i: FederatedItemRow): Record<string, unknown> {
  const common = new Set(['kind', 'id', 'deleted', 'updatedAt', 'jurisdiction', 'level', 'title', 'summary', 'files', 'text']);
  if (i.kind === 'resource') return {};
  return Object.fromEntries(Object.entries(i.payload).filter(([k]) => !common.has(k)));
}
