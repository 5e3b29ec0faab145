import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/**
 * The first entry of every backup archive. It is what restore trusts: every other entry must match one of
 * its checksums, and nothing absent from it is accepted.
 */
export const BACKUP_FORMAT = 1;
export const MANIFEST_NAME = 'manifest.json';

const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** Table and sequence names become SQL identifiers on restore, so only plain lower-case names pass. */
const ZIdentifier = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/);

export const ZBackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  app: z.object({ name: z.literal('edubridge'), version: z.string() }),
  createdAt: z.iso.datetime({ offset: true }),
  database: z.enum(['pglite', 'postgres']),
  /** The drizzle migrations applied to the source, oldest first: the archive's migration level is its length. */
  migrations: z.array(z.object({ hash: z.string(), createdAt: z.number().int() })),
  tables: z.array(
    z.object({ name: ZIdentifier, columns: z.array(ZIdentifier).min(1), rows: z.number().int().nonnegative(), sha256: ZSha256 }),
  ),
  /** Sequence positions, so ids handed out after a restore continue where the source stopped. */
  sequences: z.array(z.object({ name: ZIdentifier, lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() })),
  blobs: z.array(z.object({ sha256: ZSha256, size: z.number().int().nonnegative() })),
});
export type BackupManifest = z.infer<typeof ZBackupManifest>;

export const tableEntryName = (table: string) => `tables/${table}.jsonl`;
export const blobEntryName = (sha256: string) => `blobs/${sha256}`;

export function appVersion(): string {
  const pkg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}
