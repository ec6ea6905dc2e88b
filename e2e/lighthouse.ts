// Lighthouse on the two public pages a phone opens first: the login page and the SKM survey. Mobile
// form factor with Lighthouse's default simulated throttling (slow 4G, 4× CPU), Debian's Chromium, a
// fresh demo server on 127.0.0.1. A benchmark, not a correctness test (a performance score depends on
// how busy the machine is): each page runs RUNS times (5) and the median performance is printed
// against the goal of 0.95; the run fails only on a clear regression, a median under 0.9, or when an
// accessibility audit fails (accessibility must be 1.0 on every run: that does not depend on speed).
// Run: pnpm bench:lighthouse (CI runs it). Reports: e2e/.lighthouse/<page>-<run>.json
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env.LIGHTHOUSE_PORT ?? 3150);
const BASE = `http://127.0.0.1:${PORT}`;
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const GOAL_PERFORMANCE = 0.95;
const MIN_PERFORMANCE = 0.9;
const MIN_ACCESSIBILITY = 1;
// Kelurahan Dago (Kecamatan Coblong), part of the demo data.
const pages = [
  { name: 'login', url: `${BASE}/masuk` },
  { name: 'survei', url: `${BASE}/survei/32.73.02.1004` },
];

async function waitForHealth(server: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (server.exitCode !== null) throw new Error(`demo server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(`${BASE}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`demo server not healthy on ${BASE} after ${timeoutMs / 1000} s`);
}

// Lighthouse's own trace recording sometimes fails on a busy machine (NO_NAVSTART: "Something went
// wrong with recording the trace"); that says nothing about the page, so such a run is taken again,
// at most twice. Any other runtime error fails the benchmark at once.
const TRACE_ERRORS = new Set(['NO_NAVSTART', 'NO_TRACING_STARTED', 'NO_RESOURCE_REQUEST', 'NO_FCP']);

async function measure(url: string, port: number) {
  for (let attempt = 1; ; attempt++) {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      formFactor: 'mobile',
    });
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const error = result.lhr.runtimeError;
    if (!error) return result;
    if (!TRACE_ERRORS.has(error.code) || attempt === 3) throw new Error(`${url}: ${error.message}`);
    console.error(`  ${url}: ${error.code} on attempt ${attempt}, measuring again`);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

const server = spawn(process.execPath, ['e2e/start-demo-server.mjs'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, PORT: String(PORT), LOG_LEVEL: 'warn' },
});
// The demo server never outlives this script, even when it dies on an error.
process.on('exit', () => server.kill('SIGTERM'));
let chrome: chromeLauncher.LaunchedChrome | undefined;
let failed = false;
try {
  await waitForHealth(server);
  chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const outDir = path.join(root, 'e2e', '.lighthouse');
  mkdirSync(outDir, { recursive: true });
  const rows: string[] = [];
  for (const page of pages) {
    const perf: number[] = [];
    const a11y: number[] = [];
    const metrics: Record<string, number[]> = { FCP: [], LCP: [], TBT: [], CLS: [] };
    for (let run = 1; run <= RUNS; run++) {
      const result = await measure(page.url, chrome.port);
      const { lhr } = result;
      writeFileSync(path.join(outDir, `${page.name}-${run}.json`), String(result.report));
      perf.push(lhr.categories.performance?.score ?? 0);
      a11y.push(lhr.categories.accessibility?.score ?? 0);
      metrics.FCP!.push(lhr.audits['first-contentful-paint']?.numericValue ?? Number.NaN);
      metrics.LCP!.push(lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN);
      metrics.TBT!.push(lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN);
      metrics.CLS!.push(lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN);
      const failedA11y = Object.values(lhr.audits).filter(
        (a) => lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id) && a.score === 0,
      );
      for (const a of failedA11y)
        console.error(`  ${page.name}: accessibility audit failed: ${a.id} — ${a.title}`);
    }
    const p = median(perf);
    const minA11y = Math.min(...a11y);
    const ok = p >= MIN_PERFORMANCE && minA11y >= MIN_ACCESSIBILITY;
    if (!ok) failed = true;
    const verdict = p >= GOAL_PERFORMANCE ? 'goal met' : ok ? 'under the goal' : 'REGRESSION';
    rows.push(
      `${page.name.padEnd(8)} performance ${p.toFixed(2)} (runs ${perf.map((x) => x.toFixed(2)).join(' ')}; goal ≥ ${GOAL_PERFORMANCE}, fails under ${MIN_PERFORMANCE}: ${verdict})` +
        `  accessibility ${minA11y.toFixed(2)} (need ${MIN_ACCESSIBILITY.toFixed(1)})` +
        `  FCP ${median(metrics.FCP!).toFixed(0)} ms  LCP ${median(metrics.LCP!).toFixed(0)} ms` +
        `  TBT ${median(metrics.TBT!).toFixed(0)} ms  CLS ${median(metrics.CLS!).toFixed(3)}${ok ? '' : '  FAIL'}`,
    );
  }
  console.log(`Lighthouse ${RUNS} runs per page, mobile, simulated slow 4G + 4x CPU (median shown)`);
  for (const r of rows) console.log(r);
} catch (err) {
  console.error(err);
  failed = true;
} finally {
  await chrome?.kill();
  server.kill('SIGTERM');
}
process.exit(failed ? 1 : 0);
