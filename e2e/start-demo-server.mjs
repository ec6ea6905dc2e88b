// Starts the app in demo mode on a fresh data folder for the e2e run.
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// One folder per port, so runs on different ports (E2E_PORT) never share a database.
const dataDir = path.join(root, 'e2e', '.data', process.env.PORT ?? '3100');
rmSync(dataDir, { recursive: true, force: true });
// The compiled API, as production runs it (the test command builds it before the browser tests).
const cli = path.join(root, 'apps/api/dist/cli.js');
if (!existsSync(cli)) {
  console.error(`${cli} is missing: run "npx -y pnpm@10 build" first`);
  process.exit(1);
}
const child = spawn(process.execPath, [cli, 'demo'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATA_DIR: dataDir,
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // Every test is a fresh browser (no cache): a run loads the app's assets hundreds of times a
    // minute from one address, over the production limit of 1200 (the API tests cover the limit).
    RATE_LIMIT_PER_MINUTE: '100000',
    // The e2e run uses the real clock: a citizen robot fills the SKM survey in about a second.
    SKM_MIN_FILL_SECONDS: '1',
  },
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
