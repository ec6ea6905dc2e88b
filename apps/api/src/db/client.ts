import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as aktivitas from './schema/aktivitas';
import * as audit from './schema/audit';
import * as auth from './schema/auth';
import * as jobs from './schema/jobs';
import * as kepegawaian from './schema/kepegawaian';
import * as laporan from './schema/laporan';
import * as pemda from './schema/pemda';
import * as penutupan from './schema/penutupan';
import * as periode from './schema/periode';
import * as rapor from './schema/rapor';
import * as skm from './schema/skm';
import * as wilayah from './schema/wilayah';

export const schema = {
  ...wilayah,
  ...auth,
  ...audit,
  ...pemda,
  ...periode,
  ...skm,
  ...laporan,
  ...rapor,
  ...penutupan,
  ...jobs,
  ...kepegawaian,
  ...aktivitas,
};
export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: every repo method accepts either. */
export type DbOrTx = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  /** PGlite only: the whole data folder as a gzipped tarball (see `loadDataDir`). */
  dump?(): Promise<Blob>;
  /**
   * LISTEN on a channel. `onState(false)` while notifications may be missed (connection lost),
   * `onState(true)` once listening again. Returns a function that stops listening.
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    onState: (listening: boolean) => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /**
   * Plain SQL text with `$n` parameters, or several statements without parameters, as pg-boss sends
   * it (modules/jobs): the pool on PostgreSQL, the one connection on PGlite. Never inside a drizzle
   * transaction on PGlite (the transaction holds its only connection).
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** PostgreSQL only: the connection pool's connections (for /metrics). */
  poolStats?(): { total: number; idle: number; waiting: number };
}

export class DatabaseLockedError extends Error {}

/**
 * PGlite takes no lock of its own and two processes on one folder corrupt it, so we hold a lock
 * file for as long as the process has the folder open.
 */
const heldLocks = new Set<string>();

function lockDataFolder(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, 'sip.lock');
  if (heldLocks.has(lockFile)) {
    throw new DatabaseLockedError(
      `The data folder ${dir} is already open in this process (pid ${process.pid}).`,
    );
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldLocks.add(lockFile);
      return () => {
        heldLocks.delete(lockFile);
        rmSync(lockFile, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(readFileSync(lockFile, 'utf8').trim());
      if (pid && isAlive(pid)) {
        throw new DatabaseLockedError(
          `The data folder ${dir} is in use by another process (pid ${pid}). ` +
            'Stop that process first, or point DATA_DIR at another folder; ' +
            'to run several instances, use PostgreSQL (DATABASE_URL).',
        );
      }
      // Left behind by a process that died: take it over.
      rmSync(lockFile, { force: true });
    }
  }
  throw new DatabaseLockedError(`Could not lock the data folder ${dir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface DatabaseOptions {
  /** postgres://… to use a PostgreSQL server; otherwise PGlite. */
  url?: string | undefined;
  /** PGlite data folder; omit for an in-memory database (tests). */
  dataDir?: string | undefined;
  /** PGlite: start from this dump of a data folder (`dumpDataDir()`) instead of an empty database. */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

export async function createDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) return createPostgres(opts.url, opts.poolSize ?? 10);
  const release = opts.dataDir ? lockDataFolder(path.join(opts.dataDir, 'pglite')) : () => {};
  let client: PGlite;
  try {
    client = await PGlite.create({
      ...(opts.dataDir ? { dataDir: path.join(opts.dataDir, 'pglite') } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    });
  } catch (err) {
    release();
    throw err;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    ping: async () => {
      await client.query('select 1');
      return true;
    },
    dump: () => client.dumpDataDir('gzip'),
    executeSql: async (text, values) => {
      if (values && values.length > 0) return client.query(text, values);
      // Several statements (pg-boss wraps its maintenance in BEGIN … COMMIT): the last one's rows.
      const results = await client.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
    listen: async (channel, onMessage, onState) => {
      const unlisten = await client.listen(channel, onMessage);
      onState(true);
      return async () => {
        if (!client.closed) await unlisten();
      };
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

async function createPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client losing its server (a restart) must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    driver: 'postgres',
    migrate: async () => {
      // Several instances may start at once: one migrates, the others wait on the advisory lock.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('select pg_advisory_lock(727301)');
        await migratePg(drizzlePg({ client }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock(727301)').catch(() => {});
        await client.end();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
      return true;
    },
    listen: (channel, onMessage, onState) => listenPostgres(url, channel, onMessage, onState),
    executeSql: async (text, values) => {
      const result = (await pool.query(text, values)) as pg.QueryResult | pg.QueryResult[];
      return Array.isArray(result) ? (result.at(-1) ?? { rows: [] }) : result;
    },
    close: () => pool.end(),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

/** A dedicated connection for LISTEN that reconnects by itself after a server restart. */
async function listenPostgres(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  onState: (listening: boolean) => void,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    const lost = () => {
      if (client !== c) return;
      client = undefined;
      onState(false);
      c.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(), 1000);
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload) onMessage(n.payload);
    });
    try {
      client = c;
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      if (stopped) {
        await c.end();
        return;
      }
      onState(true);
    } catch {
      lost();
    }
  };
  onState(false);
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = undefined;
    await c?.end().catch(() => {});
  };
}
