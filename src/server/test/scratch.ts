import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';

/**
 * Throwaway resources for tests that start real server processes (browser tests, crash tests, federation nodes)
 * and for `freshDatabase`: a free TCP port, and a PostgreSQL database of its own when TEST_DATABASE_URL is set.
 */

/** A port nothing listens on right now (the OS picks it; the probe closes before the caller binds). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A new, empty PostgreSQL database beside TEST_DATABASE_URL's, or null when the tests run on PGlite. */
export async function scratchPostgresDatabase(prefix: string): Promise<ScratchDatabase | null> {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) return null;
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await adminQuery(base, `create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(base, `drop database if exists ${name} with (force)`) };
}

async function adminQuery(connectionString: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
