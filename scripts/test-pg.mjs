// Runs the API integration suite on a real PostgreSQL server, on a fresh database for this run.
// The server comes from TEST_DATABASE_URL (default: the local one). If it is installed but stopped,
// it is started; if none can be reached the run is skipped with a message (PGlite runs in `pnpm test`).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';

// pg is a dependency of the API package; take it from there.
const pg = createRequire(new URL('../apps/api/package.json', import.meta.url))('pg');

const base = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const required = process.argv.includes('--required');

async function reachable() {
  const c = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

if (!(await reachable()) && existsSync('/etc/postgresql')) {
  for (const version of readdirSync('/etc/postgresql')) {
    console.log(`PostgreSQL ${version} is installed but not answering: starting it…`);
    try {
      execSync(`pg_ctlcluster --skip-systemctl-redirect ${version} main start`, { stdio: 'inherit' });
    } catch {
      // Reported below if it still cannot be reached.
    }
  }
  for (let i = 0; i < 20 && !(await reachable()); i++) await new Promise((r) => setTimeout(r, 500));
}
if (!(await reachable())) {
  console.log(`No PostgreSQL at ${base.replace(/:[^:@/]*@/, ':***@')}: PostgreSQL suite skipped.`);
  process.exit(required ? 1 : 0);
}

const name = `sip_run_${Date.now().toString(36)}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
await admin.end();
const url = new URL(base);
url.pathname = `/${name}`;
console.log(`PostgreSQL suite on fresh database ${name}`);
const vitest = new URL('../node_modules/vitest/vitest.mjs', import.meta.url).pathname;
const run = spawnSync(process.execPath, [vitest, 'run', '--project', 'api'], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DATABASE_URL: url.toString() },
});
const drop = new pg.Client({ connectionString: base });
await drop.connect();
await drop.query(`drop database if exists ${name} with (force)`);
await drop.end();
process.exit(run.status ?? 1);
