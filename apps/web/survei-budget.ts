import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Build-time budget of the public SKM survey (issue #6): the JavaScript the /survei/:kode route
 * loads — its entry chunk and every chunk it imports statically — must stay under `limitKb`
 * gzipped, or the build fails. Prints the figure on every build.
 */
export function surveiBudget(limitKb = 100): Plugin {
  return {
    name: 'sip-survei-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const entry = chunks.find(
        (c) => c.isEntry && (c.facadeModuleId?.endsWith('survei.html') || c.name === 'survei'),
      );
      if (!entry) return this.error('survei budget: no chunk for the survei.html entry');
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
      const line = `survei: ${seen.size} JS file(s), ${kb(raw)} KB raw, ${kb(gz)} KB gzipped (budget ${limitKb} KB)`;
      if (gz > limitKb * 1024) return this.error(`${line} — over budget: ${[...seen].join(', ')}`);
      this.info(line);
    },
  };
}
