import type { auditEntries } from './audit.schema.ts';

export function presentAuditEntry(e: typeof auditEntries.$inferSelect) {
  return {
    id: e.id,
    seq: e.seq,
    at: e.at.toISOString(),
    actor: e.actorId || e.actorUsername ? { id: e.actorId, username: e.actorUsername } : null,
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    jurisdictionId: e.jurisdictionId,
    schoolId: e.schoolId,
    requestId: e.requestId,
    details: e.details,
  };
}
