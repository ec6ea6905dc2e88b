import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, type Database } from '../../src/db/client';
import { importWilayah } from '../../src/modules/wilayah/wilayah.import';
import { createWilayahRepo } from '../../src/modules/wilayah/wilayah.repo';

/**
 * Where the migrated, Kota-Bandung-seeded database that every test file starts from lives: a PGlite
 * data-folder dump, or a TEMPLATE database on the PostgreSQL server of TEST_DATABASE_URL.
 */
export type TemplateDatabase =
  | { kind: 'pglite'; dumpFile: string }
  | { kind: 'postgres'; url: string; name: string };

async function seed(database: Database) {
  await database.migrate();
  await importWilayah({ db: database.db, repo: createWilayahRepo(database.db) }, '32.73');
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

async function adminQuery(url: string, sql: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** Builds the template once (vitest globalSetup); returns it and how to remove it. */
export async function buildTemplate(): Promise<{ template: TemplateDatabase; dispose: () => Promise<void> }> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await createDatabase({});
    await seed(database);
    const dump = await database.dump!();
    await database.close();
    const dir = mkdtempSync(path.join(tmpdir(), 'sip-template-'));
    const dumpFile = path.join(dir, 'pglite.tar.gz');
    writeFileSync(dumpFile, Buffer.from(await dump.arrayBuffer()));
    return {
      template: { kind: 'pglite', dumpFile },
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `sip_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `create database ${name}`);
  const database = await createDatabase({ url: withDatabase(url, name), poolSize: 2 });
  await seed(database);
  await database.close();
  return {
    template: { kind: 'postgres', url, name },
    dispose: () => adminQuery(url, `drop database if exists ${name} with (force)`),
  };
}

/** A private copy of the template for one test file. */
export async function cloneTemplate(
  template: TemplateDatabase,
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (template.kind === 'pglite') {
    const database = await createDatabase({ loadDataDir: new Blob([readFileSync(template.dumpFile)]) });
    return { database, drop: () => database.close() };
  }
  const name = `sip_test_${randomBytes(6).toString('hex')}`;
  // Copies from one template may not run at the same moment as another connection to it: retry.
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(template.url, `create database ${name} template ${template.name}`);
      break;
    } catch (err) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
  const database = await createDatabase({ url: withDatabase(template.url, name), poolSize: 5 });
  return {
    database,
    drop: async () => {
      await database.close();
      await adminQuery(template.url, `drop database if exists ${name} with (force)`);
    },
  };
}
