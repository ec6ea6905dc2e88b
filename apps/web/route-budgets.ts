import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Build-time JavaScript budgets per route (issue #8), after entry-budget.ts: for the app shell
 * (the `main` entry: the login page and the frame every page needs) and for every lazily loaded
 * route chunk, the JavaScript a first visit downloads — the shell, the route chunk and every chunk
 * either imports statically — gzipped. A route over its budget (or over `defaultKb` when it has
 * none) fails the build; every build prints the table. Signed-in pages count the app layout too.
 * A lazily loaded library that is not a route (the password dictionaries, fetched on the first
 * strength check) is named by its package and counts only what it adds to a signed-in page.
 */
export function routeBudgets(
  budgetsKb: Record<string, number>,
  defaultKb: number,
  /** The lazily loaded frame of the signed-in pages, loaded with each of them (not with `login`). */
  layout = { chunk: 'app-layout', outside: ['login'] },
): Plugin {
  return {
    name: 'sip-route-budgets',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const main = chunks.find((c) => c.isEntry && c.name === 'main');
      if (!main) return this.error('route budgets: no chunk for the main entry');
      const gz = new Map<string, number>();
      const size = (fileName: string) => {
        let n = gz.get(fileName);
        if (n === undefined) {
          const c = bundle[fileName];
          n = c?.type === 'chunk' ? gzipSync(c.code, { level: 9 }).length : 0;
          gz.set(fileName, n);
        }
        return n;
      };
      const closure = (start: string, seen = new Set<string>()) => {
        const visit = (fileName: string) => {
          if (seen.has(fileName)) return;
          seen.add(fileName);
          const c = bundle[fileName];
          if (c?.type === 'chunk') for (const dep of c.imports) visit(dep);
        };
        visit(start);
        return seen;
      };
      const shell = closure(main.fileName);
      const rows: { route: string; kb: number; budget: number }[] = [];
      const total = (files: Set<string>) => [...files].reduce((a, f) => a + size(f), 0) / 1024;
      rows.push({ route: 'main (shell, login)', kb: total(shell), budget: budgetsKb.main ?? defaultKb });
      const frame = chunks.find((c) => c.isDynamicEntry && c.name === layout.chunk);
      const signedIn = frame ? closure(frame.fileName, new Set(shell)) : shell;
      for (const c of chunks.filter((x) => x.isDynamicEntry)) {
        const library = packageOf(c.facadeModuleId);
        if (library) {
          const added = closure(c.fileName, new Set(signedIn));
          for (const f of signedIn) added.delete(f);
          const route = `lazy ${library}`;
          rows.push({ route, kb: total(added), budget: budgetsKb[route] ?? defaultKb });
          continue;
        }
        const base = c === frame || layout.outside.includes(c.name) ? shell : signedIn;
        const files = closure(c.fileName, new Set(base));
        rows.push({ route: c.name, kb: total(files), budget: budgetsKb[c.name] ?? defaultKb });
      }
      rows.sort((a, b) => b.kb - a.kb);
      const over = rows.filter((r) => r.kb > r.budget);
      const table = rows
        .map(
          (r) =>
            `  ${r.route.padEnd(34)} ${r.kb.toFixed(1).padStart(7)} KB  (budget ${r.budget} KB)${r.kb > r.budget ? '  OVER' : ''}`,
        )
        .join('\n');
      if (over.length) {
        return this.error(
          `JavaScript over budget on ${over.map((r) => r.route).join(', ')} (gzipped, first visit):\n${table}`,
        );
      }
      this.info(`JavaScript per route (gzipped, first visit):\n${table}`);
    },
  };
}

/** `@scope/name` or `name` of a module inside node_modules; null for the app's own modules. */
function packageOf(moduleId: string | null): string | null {
  const m = moduleId?.replaceAll('\\', '/').match(/.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  return m?.[1] ?? null;
}
