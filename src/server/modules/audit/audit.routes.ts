import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZId, ZLimit } from '../../../shared/api/common.ts';
import { actorOf } from '../../http/auth.plugin.ts';
import type { Db } from '../../db/client.ts';
import { requireRole } from '../identity/identity.access.ts';
import { auditPolicy } from './audit.policy.ts';
import { presentAuditEntry } from './audit.present.ts';
import { listAuditEntries, verifyAuditChain } from './audit.service.ts';

const ZAuditQuery = z.object({
  action: z.string().trim().min(1).max(100).optional(),
  actorId: ZId.optional(),
  targetType: z.string().trim().min(1).max(50).optional(),
  targetId: z.string().trim().min(1).max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: ZLimit,
  cursor: z.coerce.number().int().positive().optional(),
});

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/v1/audit',
    { schema: { tags: ['audit'], summary: 'Audit entries the caller may read', querystring: ZAuditQuery } },
    async (request) => {
      const page = await listAuditEntries({ db, actor: actorOf(request) }, request.query);
      return { items: page.items.map(presentAuditEntry), nextCursor: page.nextCursor };
    },
  );

  app.get('/api/v1/audit/verify', { schema: { tags: ['audit'], summary: 'Verify the hash chain' } }, async (request) => {
    requireRole(actorOf(request), auditPolicy.verify);
    return verifyAuditChain(db);
  });
};
