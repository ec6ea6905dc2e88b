// Cold start and size of the production build (issue 19, item 1): the compiled API (`node
// apps/api/dist/cli.js serve`) against the former way (`node --import tsx apps/api/src/cli.ts
// serve`), in the same run, on the same already-migrated database: process start → first healthy
// readiness answer. Then what the image carries: the production install (`pnpm deploy --prod`)
// with the bundle and the web app, against a full checkout's installed tree. With a Docker engine
// it also builds the image and prints its size. Needs `pnpm build` first.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'apps/api/dist/cli.js');
if (!existsSync(cli)) {
  console.error('apps/api/dist/cli.js is missing: run "npx -y pnpm@10 build" first');
  process.exit(1);
}
const RUNS = Number(process.env.RUNS ?? 5);
const dataDir = mkdtempSync(path.join(tmpdir(), 'sip-start-'));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  AUTH_SECRET: 'bench-start-secret-0123456789-abcdefghijklmnop',
  LOG_LEVEL: 'error',
  HOST: '127.0.0.1',
  PORT: '3477',
};
const variants = {
  tsx: [process.execPath, ['--import', 'tsx', 'apps/api/src/cli.ts', 'serve']],
  compiled: [process.execPath, [cli, 'serve']],
};

// Migrations applied once beforehand: a cold start of a deployed server, not a first install.
execFileSync(process.execPath, [cli, 'migrate'], { cwd: root, env, stdio: 'ignore' });

async function coldStart([cmd, args]) {
  const started = performance.now();
  const child = spawn(cmd, args, { cwd: root, env, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode})`);
      const ok = await fetch(`http://127.0.0.1:${env.PORT}/api/health/ready`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return performance.now() - started;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    child.kill('SIGTERM');
    await exited; // the PGlite folder is free again
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const times = { tsx: [], compiled: [] };
for (let i = 0; i < RUNS; i++) {
  // Alternated, so a slower moment of the machine hits both alike.
  for (const name of Object.keys(variants)) times[name].push(await coldStart(variants[name]));
}
rmSync(dataDir, { recursive: true, force: true });
console.log(`cold start (process start → first 200 of /api/health/ready), median of ${RUNS}:`);
for (const name of Object.keys(times)) {
  console.log(
    `  ${name.padEnd(8)} ${Math.round(median(times[name]))} ms   (runs: ${times[name].map(Math.round).join(', ')})`,
  );
}
console.log(`  compiled / tsx: ${(median(times.compiled) / median(times.tsx)).toFixed(2)}×`);

const du = (p) => Number(execFileSync('du', ['-sk', p]).toString().split('\t')[0]) * 1024;
const mb = (b) => `${(b / 1024 / 1024).toFixed(1)} MB`;
const out = mkdtempSync(path.join(tmpdir(), 'sip-deploy-'));
const deploy = spawnSync(
  'npx',
  ['-y', 'pnpm@10', '--filter', '@sip/api', 'deploy', '--prod', '--legacy', path.join(out, 'app')],
  { cwd: root, stdio: 'ignore' },
);
if (deploy.status === 0) {
  const prodDeps = du(path.join(out, 'app/node_modules'));
  const bundle = du(path.join(root, 'apps/api/dist'));
  const web = du(path.join(root, 'apps/web/dist'));
  const checkout =
    du(path.join(root, 'node_modules')) + du(path.join(root, 'apps')) + du(path.join(root, 'packages'));
  console.log('what the image carries above node:20-bookworm-slim:');
  console.log(
    `  production dependencies ${mb(prodDeps)} + compiled API ${mb(bundle)} + web app ${mb(web)} = ${mb(prodDeps + bundle + web)}`,
  );
  console.log(`  the former image (whole checkout with every dependency): ${mb(checkout)}`);
  console.log(`  lean / former: ${((prodDeps + bundle + web) / checkout).toFixed(2)}×`);
}
rmSync(out, { recursive: true, force: true });

const docker = spawnSync('docker', ['info'], { stdio: 'ignore' });
if (docker.status === 0) {
  execFileSync('docker', ['build', '-q', '-t', 'sip-kinerja:bench', '.'], { cwd: root, stdio: 'inherit' });
  const size = execFileSync('docker', [
    'image',
    'inspect',
    '-f',
    '{{.Size}}',
    'sip-kinerja:bench',
  ]).toString();
  console.log(`image sip-kinerja:bench: ${mb(Number(size))}`);
} else {
  console.log('no Docker engine here: the image itself was not built (the figures above are its payload)');
}
