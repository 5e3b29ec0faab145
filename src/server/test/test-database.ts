import { openDatabase, type DatabaseHandle } from '../db/client.ts';
import { migrateDatabase } from '../db/migrate.ts';
import { scratchPostgresDatabase } from './scratch.ts';

/**
 * A fresh, migrated database for one test file: PGlite in memory by default, or — when TEST_DATABASE_URL
 * is set — a new PostgreSQL database created for the file and dropped after it, so the same suite proves
 * both engines.
 */
export async function freshDatabase(): Promise<DatabaseHandle> {
  const scratch = await scratchPostgresDatabase('edubridge_test');
  if (!scratch) {
    const handle = await openDatabase({ url: null });
    await migrateDatabase(handle);
    return handle;
  }
  const handle = await openDatabase({ url: scratch.url, poolSize: 5 });
  await migrateDatabase(handle);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}
