// The e2e suite drives Debian's Chromium (Playwright never downloads a browser here).
// Installs it with apt-get when it is missing and we are allowed to.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const wanted = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (existsSync(wanted)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (!hasApt) {
  console.error(`Chromium not found at ${wanted}. Install Chromium and set CHROMIUM_PATH to its executable.`);
  process.exit(1);
}
const sudo = isRoot ? '' : 'sudo ';
console.log(`Chromium not found at ${wanted}: installing Debian's chromium package…`);
try {
  execSync(
    `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium`,
    {
      stdio: 'inherit',
    },
  );
} catch {
  console.error(
    'Could not install chromium with apt-get. Install it yourself (apt-get install chromium) and re-run.',
  );
  process.exit(1);
}
if (!existsSync(wanted)) {
  console.error(`chromium installed, but not at ${wanted}: set CHROMIUM_PATH.`);
  process.exit(1);
}
