import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { extract, pack } from 'tar-stream';
import type { Database, DbOrTx } from '../db/client';
import { type FileStorage, StoredFileMissingError } from '../lib/storage/storage';

/**
 * Backups (DESIGN.md, Operations): one archive of the database and the stored files, the same for
 * PGlite and PostgreSQL (a backup of one restores into the other).
 *
 * The archive is a gzipped tar: `manifest.json` (format, schema level, rows per table, files,
 * SHA-256 of every entry), `db/<table>.jsonl` (one row per line as PostgreSQL writes it with
 * row_to_json) and `files/<storage key>` (the evidence files the database names). The rows are read
 * in one repeatable-read transaction: a consistent picture even while the app serves.
 *
 * Files are read and written through the storage interface, so the same archive comes from and goes
 * to a local folder or an S3 bucket (a backup of one restores into the other).
 *
 * A restore goes into an empty database (migrated to the same schema level) and an empty storage,
 * checks every checksum before writing anything, then writes the files and inserts all rows in one
 * transaction (parents before children); on any failure nothing stays behind.
 */

const FORMAT = 'sip-kinerja-backup';
const VERSION = 1;
const BATCH = 500;

export interface BackupManifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  driver: Database['driver'];
  /** The last migration applied to the database the backup came from. */
  schema: string;
  tables: Record<string, number>;
  files: number;
  /** Evidence rows whose file was not in storage when the backup was made. */
  missingFiles: string[];
  /** SHA-256 of every other entry of the archive, by name. */
  sha256: Record<string, string>;
}

export class BackupError extends Error {}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function rows<T>(db: DbOrTx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/** The schema level: the newest migration drizzle recorded. */
async function schemaLevel(db: DbOrTx): Promise<string> {
  const r = await rows<{ hash: string }>(
    db,
    sql`select hash from drizzle.__drizzle_migrations order by created_at desc, id desc limit 1`,
  );
  return r[0]?.hash ?? 'none';
}

/** The app's tables, parents before children (by their foreign keys). */
async function tablesInOrder(db: DbOrTx): Promise<string[]> {
  const tables =
    // A partitioned table (aktivitas) is read and written through its parent, never its partitions.
    (
      await rows<{ name: string }>(
        db,
        sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition`,
      )
    ).map((t) => t.name);
  const edges = await rows<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent
          from pg_constraint k
          join pg_class c on c.oid = k.conrelid
          join pg_class p on p.oid = k.confrelid
          join pg_namespace n on n.oid = c.relnamespace
         where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const pending = new Set(tables.sort());
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => edges.every((e) => e.child !== t || !pending.has(e.parent)));
    if (ready.length === 0)
      throw new BackupError(`foreign keys form a cycle among: ${[...pending].join(', ')}`);
    for (const t of ready) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

/** Rows of a self-referencing table come parents first (wilayah: a code is longer than its parent's). */
const orderOf = (table: string) => (table === 'wilayah' ? sql`order by length(kode), kode` : sql``);

export async function writeBackup(
  database: Database,
  storage: FileStorage,
  file: string,
  log: (line: string) => void = () => {},
): Promise<BackupManifest> {
  const dump = await database.db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read`);
    const schema = await schemaLevel(tx);
    const tables = new Map<string, Buffer>();
    for (const table of await tablesInOrder(tx)) {
      const lines = await rows<{ r: string }>(
        tx,
        sql`select row_to_json(t)::text as r from ${sql.raw(ident(table))} t ${orderOf(table)}`,
      );
      tables.set(table, Buffer.from(lines.map((l) => `${l.r}\n`).join('')));
      log(`  ${table}: ${lines.length} rows`);
    }
    const keys = (await rows<{ key: string }>(tx, sql`select storage_key as key from evidence`)).map(
      (k) => k.key,
    );
    return { schema, tables, keys };
  });

  const entries: { name: string; data: Buffer }[] = [];
  const counts: Record<string, number> = {};
  for (const [table, data] of dump.tables) {
    entries.push({ name: `db/${table}.jsonl`, data });
    counts[table] = data.length === 0 ? 0 : data.toString().split('\n').length - 1;
  }
  const missingFiles: string[] = [];
  for (const key of dump.keys) {
    try {
      entries.push({ name: `files/${key}`, data: await storage.get(key) });
    } catch (err) {
      if (!(err instanceof StoredFileMissingError)) throw err;
      missingFiles.push(key);
    }
  }
  const manifest: BackupManifest = {
    format: FORMAT,
    version: VERSION,
    createdAt: new Date().toISOString(),
    driver: database.driver,
    schema: dump.schema,
    tables: counts,
    files: dump.keys.length - missingFiles.length,
    missingFiles,
    sha256: Object.fromEntries(entries.map((e) => [e.name, sha256(e.data)])),
  };

  const tar = pack();
  const done = pipeline(tar, createGzip(), createWriteStream(file));
  tar.entry({ name: 'manifest.json' }, JSON.stringify(manifest, null, 2));
  for (const e of entries) tar.entry({ name: e.name }, e.data);
  tar.finalize();
  await done;
  log(`  ${manifest.files} files${missingFiles.length ? `, ${missingFiles.length} missing in storage` : ''}`);
  return manifest;
}

/** Reads and checks the whole archive (every checksum) before anything is written. */
async function readArchive(
  file: string,
): Promise<{ manifest: BackupManifest; entries: Map<string, Buffer> }> {
  const entries = new Map<string, Buffer>();
  const reader = extract();
  const reading = (async () => {
    for await (const entry of reader) {
      const parts: Buffer[] = [];
      for await (const chunk of entry) parts.push(chunk as Buffer);
      entries.set(entry.header.name, Buffer.concat(parts));
    }
  })();
  try {
    // Both awaited together: when the stream breaks, the reader's failure is handled too.
    await Promise.all([pipeline(createReadStream(file), createGunzip(), reader), reading]);
  } catch (err) {
    throw new BackupError(`${file} is not a readable backup archive (${(err as Error).message}).`);
  }
  const raw = entries.get('manifest.json');
  const manifest = raw ? (JSON.parse(raw.toString()) as BackupManifest) : undefined;
  if (manifest?.format !== FORMAT || manifest.version !== VERSION) {
    throw new BackupError(`${file} is not a ${FORMAT} archive of version ${VERSION}.`);
  }
  for (const [name, expected] of Object.entries(manifest.sha256)) {
    const data = entries.get(name);
    if (!data || sha256(data) !== expected) {
      throw new BackupError(
        `${name} in ${file} is missing or damaged (checksum differs); nothing was restored.`,
      );
    }
  }
  return { manifest, entries };
}

export async function restoreBackup(
  database: Database,
  storage: FileStorage,
  file: string,
  log: (line: string) => void = () => {},
): Promise<BackupManifest> {
  const { manifest, entries } = await readArchive(file);
  const db = database.db;
  const schema = await schemaLevel(db);
  if (schema !== manifest.schema) {
    throw new BackupError(
      `The backup was made at another schema level than this server's database (${manifest.schema.slice(0, 12)} vs ${schema.slice(0, 12)}): restore it with the version that made it, then upgrade.`,
    );
  }
  const order = await tablesInOrder(db);
  for (const table of order) {
    const [r] = await rows<{ any: boolean }>(
      db,
      sql`select exists (select 1 from ${sql.raw(ident(table))}) as any`,
    );
    if (r?.any) {
      throw new BackupError(
        `The database is not empty (table ${table} has rows): a backup restores only into an empty database.`,
      );
    }
  }
  for await (const key of storage.list()) {
    throw new BackupError(
      `The storage ${storage.where} is not empty (it holds ${key}): a backup restores only into empty storage.`,
    );
  }

  const files = [...entries.keys()].filter((n) => n.startsWith('files/'));
  const written: string[] = [];
  try {
    for (const name of files) {
      const key = name.slice('files/'.length);
      await storage.put(entries.get(name)!, key);
      written.push(key);
    }
    await db.transaction(async (tx) => {
      for (const table of order) {
        const data = entries.get(`db/${table}.jsonl`);
        const lines = data ? data.toString().split('\n').filter(Boolean) : [];
        for (let i = 0; i < lines.length; i += BATCH) {
          const batch = `[${lines.slice(i, i + BATCH).join(',')}]`;
          await tx.execute(
            sql`insert into ${sql.raw(ident(table))} select * from json_populate_recordset(null::${sql.raw(ident(table))}, ${batch}::json)`,
          );
        }
        if (lines.length > 0) log(`  ${table}: ${lines.length} rows`);
      }
      // Serial and identity columns continue after the restored rows.
      const serials = await rows<{ t: string; c: string }>(
        tx,
        sql`select table_name as t, column_name as c from information_schema.columns
             where table_schema = 'public' and (column_default like 'nextval(%' or is_identity = 'YES')`,
      );
      for (const { t, c } of serials) {
        await tx.execute(
          sql`select setval(pg_get_serial_sequence(${ident(t)}, ${c}), coalesce(max(${sql.raw(ident(c))}), 0) + 1, false) from ${sql.raw(ident(t))}`,
        );
      }
    });
  } catch (err) {
    for (const key of written) await storage.delete(key).catch(() => {});
    throw err instanceof BackupError
      ? err
      : new BackupError(`Restore failed, nothing was kept: ${(err as Error).message}`);
  }
  log(`  ${files.length} files`);
  return manifest;
}

const ARCHIVE = /^sip-cadangan-\d{8}-\d{6}\.tar\.gz$/;

/** A dated archive name in `dir` (UTC, sortable): sip-cadangan-20261203-020000.tar.gz. */
export function backupFileIn(dir: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return path.join(dir, `sip-cadangan-${stamp}.tar.gz`);
}

/** Retention for scheduled backups: keeps the newest `keep` dated archives of `dir`, removes the rest. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const archives = (await readdir(dir)).filter((n) => ARCHIVE.test(n)).sort();
  const old = archives.slice(0, Math.max(0, archives.length - keep));
  for (const name of old) await rm(path.join(dir, name), { force: true });
  return old;
}
