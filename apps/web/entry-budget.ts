import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Build-time budget of a light HTML entry (the public SKM survey survei.html, issue #6; the login
 * page masuk.html, issue #8): the JavaScript the page loads — its entry chunk and every chunk it
 * imports statically — must stay under `limitKb` gzipped, or the build fails. Prints the figure on
 * every build.
 */
export function entryBudget(name: string, limitKb: number): Plugin {
  return {
    name: `sip-entry-budget-${name}`,
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const entry = chunks.find(
        (c) => c.isEntry && (c.facadeModuleId?.endsWith(`${name}.html`) || c.name === name),
      );
      if (!entry) return this.error(`${name} budget: no chunk for the ${name}.html entry`);
      const seen = new Set<string>();
      const visit = (fileName: string) => {
        if (seen.has(fileName)) return;
        seen.add(fileName);
        const c = bundle[fileName];
        if (c?.type === 'chunk') for (const dep of c.imports) visit(dep);
      };
      visit(entry.fileName);
      let gz = 0;
      let raw = 0;
      for (const fileName of seen) {
        const c = bundle[fileName];
        if (c?.type !== 'chunk') continue;
        raw += Buffer.byteLength(c.code);
        gz += gzipSync(c.code, { level: 9 }).length;
      }
      const kb = (n: number) => (n / 1024).toFixed(1);
      const line = `${name}: ${seen.size} JS file(s), ${kb(raw)} KB raw, ${kb(gz)} KB gzipped (budget ${limitKb} KB)`;
      if (gz > limitKb * 1024) return this.error(`${line} — over budget: ${[...seen].join(', ')}`);
      this.info(line);
    },
  };
}
