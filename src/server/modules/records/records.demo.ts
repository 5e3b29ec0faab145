import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { hashPassword } from '../identity/identity.passwords.ts';
import { apiClients } from '../identity/identity.schema.ts';
import { schools } from '../tenancy/tenancy.schema.ts';
import { recordsPolicy } from './records.policy.ts';

/** The demo LRS client: any xAPI tool (or the ADL conformance suite) can write to /xapi/ with it. */
export const DEMO_LRS_CLIENT = { key: 'demo-lrs-key', secret: 'demo-lrs-secret', school: 'gd-demo-school' } as const;

/**
 * Seeds the demo API client for the learning record store (HTTP Basic demo-lrs-key:demo-lrs-secret,
 * school gd-demo-school, xapi:read and xapi:write). Idempotent: keyed by the client key.
 */
export async function seedRecordsDemo(tx: DbOrTx): Promise<void> {
  const [existing] = await tx.select({ id: apiClients.id }).from(apiClients).where(eq(apiClients.key, DEMO_LRS_CLIENT.key));
  if (existing) return;
  const [school] = await tx
    .select({ id: schools.id, jurisdictionId: schools.jurisdictionId })
    .from(schools)
    .where(eq(schools.code, DEMO_LRS_CLIENT.school));
  if (!school) return;
  await tx
    .insert(apiClients)
    .values({
      key: DEMO_LRS_CLIENT.key,
      secretHash: await hashPassword(DEMO_LRS_CLIENT.secret),
      name: 'Demo xAPI client (演示学习记录客户端)',
      jurisdictionId: school.jurisdictionId,
      schoolId: school.id,
      scopes: [recordsPolicy.read, recordsPolicy.write],
    })
    .onConflictDoNothing({ target: apiClients.key });
}
