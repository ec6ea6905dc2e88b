// Runs the shared scoring vectors (packages/scoring/vectors/vectors.json) inside Chromium, against
// packages/scoring/src bundled as a browser script: the browser must compute the same digits as
// Node. Needs no app server.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

interface VectorCase {
  name: string;
  fn: string;
  input: unknown;
  expected: unknown;
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const entry = `${root}packages/scoring/src/index.ts`;
const cases = JSON.parse(
  readFileSync(`${root}packages/scoring/vectors/vectors.json`, 'utf8'),
) as VectorCase[];

// The part of esbuild's API used here (esbuild's own types do not resolve from e2e/).
interface EsbuildApi {
  build(options: Record<string, unknown>): Promise<{ outputFiles: { text: string }[] }>;
}

// esbuild is not a dependency of e2e; reach the copy that tsx (a root devDependency) ships with.
async function bundle(): Promise<string> {
  const fromRoot = createRequire(`${root}package.json`);
  const fromTsx = createRequire(fromRoot.resolve('tsx/package.json'));
  const esbuild = (await import(fromTsx.resolve('esbuild'))) as EsbuildApi;
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName: 'SipScoring',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

test('scoring vectors give the same results in Chromium', async ({ page }) => {
  expect(cases.length).toBeGreaterThan(50);
  await page.setContent('<html><body></body></html>');
  await page.addScriptTag({ content: await bundle() });

  const results = await page.evaluate(
    (all) => {
      // Same dispatch as packages/scoring/vectors/run-case.ts.
      // biome-ignore lint/suspicious/noExplicitAny: the bundle's global, typed by the vectors
      const api = (globalThis as any).SipScoring;
      return all.map((c) => {
        // biome-ignore lint/suspicious/noExplicitAny: inputs come from JSON
        const input = c.input as any;
        try {
          let out: unknown;
          if (c.fn === 'computeRapor') out = api.computeRapor(input);
          else if (c.fn === 'rank') out = api.rank(input.items, input.rule);
          else if (c.fn === 'computeIkm') out = api.computeIkm(input);
          else if (c.fn === 'validateFramework') out = api.validateFramework(input);
          else if (c.fn === 'computeTimeliness') out = api.computeTimeliness(input);
          else throw new Error(`unknown fn ${c.fn}`);
          return JSON.parse(JSON.stringify(out));
        } catch (e) {
          const err = e as { name?: string; code?: string };
          return { error: { name: err.name ?? 'Error', code: err.code ?? null } };
        }
      });
    },
    cases.map(({ fn, input }) => ({ fn, input })),
  );

  const mismatches = cases
    .map((c, i) => ({ name: c.name, expected: c.expected, actual: results[i] }))
    .filter((r) => JSON.stringify(r.actual) !== JSON.stringify(r.expected));
  expect(mismatches, `${mismatches.length} of ${cases.length} vectors differ`).toEqual([]);
  expect(results).toHaveLength(cases.length);
});
