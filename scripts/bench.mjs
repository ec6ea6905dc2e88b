// `pnpm bench`: runs the benchmarks of the other issues one after another (bench:scoring,
// bench:skm, bench:laporan, bench:rapor — those present in package.json) and prints one table of
// their figures and ratios, with each benchmark's own pass/fail. Their full output is kept in
// the table's source lines; BENCH_ONLY=scoring,skm runs a subset.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const scripts = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).scripts;
const only = process.env.BENCH_ONLY?.split(',');
const names = ['scoring', 'skm', 'laporan', 'rapor', 'lighthouse'].filter(
  (n) => scripts[`bench:${n}`] && (!only || only.includes(n)),
);
const bin = new URL('../node_modules/.bin', import.meta.url).pathname;

// A figure line: a number with a unit or a ratio (ms, req/s, ×, x, %).
const figure = /\d[\d.,]*\s*(ms|s\b|req\/s|rps|×|x\b|%)/i;

const rows = [];
let failed = 0;
for (const name of names) {
  const started = Date.now();
  console.error(`running bench:${name} …`);
  // The package.json script itself, as `pnpm bench:<name>` would run it.
  const run = spawnSync('sh', ['-c', scripts[`bench:${name}`]], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}` },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const status = run.status === 0 ? 'pass' : `FAIL (${run.status})`;
  if (run.status !== 0) failed++;
  const lines = `${run.stdout}`
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /\d/.test(l) && !/^\|?[-| ]+\|?$/.test(l))
    .filter((l) => figure.test(l) || l.startsWith('|') || (l.match(/\d+(\.\d+)?/g)?.length ?? 0) >= 2)
    // Markdown rows of a benchmark's own table become "cell · cell · cell".
    .map((l) =>
      l.startsWith('|')
        ? l
            .replace(/^\||\|$/g, '')
            .split('|')
            .map((c) => c.trim())
            .filter(Boolean)
            .join(' · ')
        : l.replace(/\s{2,}/g, ' '),
    );
  rows.push({
    name,
    status,
    seconds,
    lines: lines.length ? lines : [(run.stderr || '').trim().split('\n').pop() ?? ''],
  });
}

console.log('\n| benchmark | result | time | figures |');
console.log('|---|---|---|---|');
for (const r of rows) {
  for (const [i, l] of r.lines.entries()) {
    const head = i ? '|  |  |  |' : `| bench:${r.name} | ${r.status} | ${r.seconds} s |`;
    console.log(`${head} ${l} |`);
  }
}
process.exit(failed ? 1 : 0);
