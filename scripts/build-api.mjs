// Compiles the API and its CLI into one JavaScript bundle (apps/api/dist/cli.js) that plain `node`
// runs: no TypeScript tooling at run time (DESIGN.md, Operations). The workspace packages
// (@sip/contracts, @sip/scoring) and their own dependencies are bundled in; the API's declared
// dependencies stay external, installed as usual (`pnpm deploy --prod` in the image).
import { cpSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const api = path.join(root, 'apps/api');
const out = path.join(api, 'dist');
const { dependencies } = JSON.parse(readFileSync(path.join(api, 'package.json'), 'utf8'));
const external = Object.keys(dependencies).filter((name) => !name.startsWith('@sip/'));

const started = performance.now();
rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: [path.join(api, 'src/cli.ts')],
  outfile: path.join(out, 'cli.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Each external package and its subpaths (`@electric-sql/pglite/vector`, …).
  external: external.flatMap((name) => [name, `${name}/*`]),
  // Bundled CommonJS dependencies may call require() for Node's own modules.
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
// The migrations are read at run time next to the code (db/client.ts: ./migrations).
cpSync(path.join(api, 'src/db/migrations'), path.join(out, 'migrations'), { recursive: true });
console.log(
  `API compiled to ${path.relative(root, out)}/cli.js in ${Math.round(performance.now() - started)} ms`,
);
