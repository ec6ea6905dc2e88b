import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { entryBudget } from './entry-budget';
import { routeBudgets } from './route-budgets';

/** The dev server answers /masuk, /survei and /survei/:kode with their own HTML, as the API does in production. */
function lightEntries(): Plugin {
  return {
    name: 'sip-light-entries',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const [pathname = '', query = ''] = (req.url ?? '').split('?');
        const q = query ? `?${query}` : '';
        if (pathname === '/masuk' || pathname === '/masuk/') req.url = `/masuk.html${q}`;
        else if (/^\/survei(\/[0-9.]+)?\/?$/.test(pathname)) req.url = `/survei.html${q}`;
        next();
      });
    },
  };
}

export default defineConfig({
  // JavaScript budgets (gzipped, first visit): the survey and the login page for phones, every other
  // route (route-budgets.ts).
  plugins: [
    react(),
    lightEntries(),
    entryBudget('survei', 100),
    entryBudget('masuk', 80),
    // Measured on 25 Nov 2026 plus ~10%; rapor is still growing (issue #7). New routes get 300.
    routeBudgets(
      {
        main: 230,
        login: 240,
        'app-layout': 270,
        home: 280,
        notifications: 280,
        // +5 KB (unit, change-password): the shell carries every page's strings, the SKM kode
        // layanan and paper pages added theirs. +6 KB (Dec 2026): the contracts chunk carries the
        // kinerja pegawai schemas and the shell its navigation (its pages' texts load with them).
        'change-password': 300,
        'skm-moderation': 280,
        'skm-kode-slips': 290,
        'skm-posters': 290,
        wilayah: 290,
        unit: 305,
        'skm-kode-layanan': 300,
        audit: 310,
        verifikasi: 330,
        periode: 370,
        laporan: 370,
        users: 370,
        // react-hook-form + zod for the paper questionnaire, like the other forms.
        'skm-paper': 320,
        'skm-report': 440,
        rapor: 550,
        // Kinerja pegawai, measured Dec 2026 plus ~5%: forms (react-hook-form + zod) like users and
        // laporan; the daily log a pegawai opens on a phone is kept apart from the month page, which
        // brings the chart library and the scoring engine.
        aktivitas: 360,
        'aktivitas-bulan': 425,
        tim: 340,
        'verifikasi-kinerja': 340,
        kepegawaian: 370,
        // The password strength dictionaries: fetched on the first check on the change-password page.
        'lazy @zxcvbn-ts/language-common': 240,
        'lazy @zxcvbn-ts/language-id': 145,
        'lazy @zxcvbn-ts/core': 15,
      },
      300,
    ),
  ],
  resolve: { tsconfigPaths: true },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // The public SKM survey is a second, small entry (no Mantine, no router): survei.html.
      // The login page too (masuk.html: React and one component), the first page most people open.
      input: { main: 'index.html', survei: 'survei.html', masuk: 'masuk.html' },
      output: {
        // Named vendor chunks change rarely, so browsers keep them cached across releases.
        // Mantine and the icons stay in the automatic split: each page loads only the components it uses.
        codeSplitting: {
          groups: [
            // The router has its own chunk so the public survey (React without a router) does not load it.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/ },
            // Plain SKM data (no zod) that the public survey shares with the app: its own tiny chunk.
            { name: 'skm-options', test: /packages[\\/]contracts[\\/]src[\\/]skm-options/, priority: 2 },
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|packages[\\/]contracts[\\/]/, priority: 1 },
            { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/]/ },
          ],
        },
      },
    },
  },
});
