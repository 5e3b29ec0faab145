import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.ts';

/**
 * The catalogue queries behind a logical dump. They read pg_catalog, so they work the same on PGlite and on
 * PostgreSQL, and need no pg_dump binary in the container.
 */
export async function rowsOf<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const ident = (name: string) => sql.identifier(name);

export interface TableShape {
  name: string;
  /** Stored columns only: generated columns are recomputed by the target. */
  columns: string[];
}

/** Every ordinary or partitioned table of the public schema (partitions are reached through their parent). */
export async function listTables(db: DbOrTx): Promise<TableShape[]> {
  const rows = await rowsOf<{ name: string; columns: string[] }>(
    db,
    sql`select c.relname as name,
               array_agg(a.attname::text order by a.attnum) as columns
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace
          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
         where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
         group by c.relname
         order by c.relname`,
  );
  return rows.map((r) => ({ name: r.name, columns: r.columns }));
}

/** The applied drizzle migrations, oldest first; empty when the database was never migrated. */
export async function appliedMigrations(db: DbOrTx): Promise<{ hash: string; createdAt: number }[]> {
  const [present] = await rowsOf<{ ok: boolean }>(db, sql`select to_regclass('drizzle.__drizzle_migrations') is not null as ok`);
  if (!present?.ok) return [];
  const rows = await rowsOf<{ hash: string; created_at: string | number }>(
    db,
    sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}

export async function listSequences(db: DbOrTx): Promise<{ name: string; lastValue: string; isCalled: boolean }[]> {
  const names = await rowsOf<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind = 'S' order by c.relname`,
  );
  const out = [];
  for (const { name } of names) {
    const [s] = await rowsOf<{ last_value: string | number; is_called: boolean }>(
      db,
      sql`select last_value, is_called from ${ident('public')}.${ident(name)}`,
    );
    out.push({ name, lastValue: String(s.last_value), isCalled: s.is_called });
  }
  return out;
}

/**
 * Streams a table's rows as JSON text through a cursor, so a large table never sits in memory. The caller
 * holds the transaction (REPEATABLE READ: every table comes from the same snapshot).
 */
export async function* tableRowsAsJson(tx: DbOrTx, table: TableShape, batch = 2000): AsyncGenerator<string> {
  const cols = sql.join(
    table.columns.map((c) => ident(c)),
    sql`, `,
  );
  await tx.execute(
    sql`declare backup_rows no scroll cursor for select to_json(t)::text as j from (select ${cols} from ${ident('public')}.${ident(table.name)}) t`,
  );
  try {
    for (;;) {
      const rows = await rowsOf<{ j: string }>(tx, sql.raw(`fetch ${batch} from backup_rows`));
      for (const r of rows) yield r.j;
      if (rows.length < batch) return;
    }
  } finally {
    await tx.execute(sql`close backup_rows`);
  }
}

/** Whether any table of the public schema holds a row (a migrated but unused database counts as empty). */
export async function databaseHasRows(db: DbOrTx): Promise<boolean> {
  for (const t of await listTables(db)) {
    const [r] = await rowsOf<{ any: boolean }>(db, sql`select exists (select 1 from ${ident('public')}.${ident(t.name)}) as any`);
    if (r.any) return true;
  }
  return false;
}

/**
 * Inserts rows given as JSON text. json (not jsonb) keeps numbers as written, and json_populate_recordset
 * converts every value with the column type's own input function, so timestamps, bytea, arrays and numerics
 * come back exactly; OVERRIDING SYSTEM VALUE keeps identity columns as they were.
 */
export async function insertJsonRows(tx: DbOrTx, table: TableShape, jsonRows: string[]): Promise<void> {
  if (!jsonRows.length) return;
  const cols = sql.join(
    table.columns.map((c) => ident(c)),
    sql`, `,
  );
  const target = sql`${ident('public')}.${ident(table.name)}`;
  await tx.execute(
    sql`insert into ${target} (${cols}) overriding system value
        select ${cols} from json_populate_recordset(null::${target}, ${`[${jsonRows.join(',')}]`}::json)`,
  );
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

/**
 * Foreign keys are dropped for the load and re-added after it (as pg_restore does): rows arrive table by
 * table, self-references and cycles included, and re-adding a key validates every row once.
 */
export async function dropForeignKeys(tx: DbOrTx): Promise<ForeignKey[]> {
  const keys = await rowsOf<ForeignKey>(
    tx,
    sql`select cl.relname as "table", co.conname as name, pg_get_constraintdef(co.oid) as definition
          from pg_constraint co
          join pg_class cl on cl.oid = co.conrelid
          join pg_namespace n on n.oid = cl.relnamespace
         where co.contype = 'f' and n.nspname = 'public'
         order by cl.relname, co.conname`,
  );
  for (const k of keys) await tx.execute(sql`alter table ${ident('public')}.${ident(k.table)} drop constraint ${ident(k.name)}`);
  return keys;
}

export async function addForeignKeys(tx: DbOrTx, keys: ForeignKey[]): Promise<void> {
  for (const k of keys) {
    await tx.execute(sql`alter table ${ident('public')}.${ident(k.table)} add constraint ${ident(k.name)} ${sql.raw(k.definition)}`);
  }
}

export async function setSequence(tx: DbOrTx, s: { name: string; lastValue: string; isCalled: boolean }): Promise<void> {
  await tx.execute(sql`select setval(${`public.${s.name}`}::regclass, ${s.lastValue}::bigint, ${s.isCalled})`);
}
