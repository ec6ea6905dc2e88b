// Accessibility of every page of every role (issue #8): axe with the WCAG 2.1 A/AA rules, zero
// serious or critical violations. Pages that need an id (a periode, a report) get it from the API.

import type { Page } from '@playwright/test';
import { type DemoUser, expect, loginViaApi, seriousA11yViolations, test } from '../fixtures';

const TAHUN = 2026;
const DAGO = '32.73.02.1004';
const COBLONG = '32.73.02';

/** Client-side navigation (dotted unit codes would be taken for files by a direct load). */
async function open(page: Page, path: string) {
  if (!path.includes('.')) {
    await page.goto(path);
    return;
  }
  if (!page.url().startsWith('http')) await page.goto('/');
  await expect(page.getByRole('main')).toBeVisible();
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

async function csrf(page: Page) {
  return (await (await page.request.get('/api/auth/csrf')).json()).csrfToken as string;
}

/** The id of one of Dago's monthly reports (opened through the API when none exists yet). */
async function dagoReport(page: Page): Promise<string> {
  const overview = await (await page.request.get(`/api/laporan/unit/${DAGO}`)).json();
  const existing = (overview.reports as { id: string | null }[]).find((r) => r.id);
  if (existing?.id) return existing.id;
  const first = (overview.reports as { kind: string; bulan: number | null; open: boolean }[]).find(
    (r) => r.kind === 'bulanan' && r.open,
  )!;
  const res = await page.request.post('/api/laporan', {
    data: { wilayahKode: DAGO, kind: 'bulanan', bulan: first.bulan },
    headers: { 'x-csrf-token': await csrf(page) },
  });
  expect([200, 201]).toContain(res.status());
  return (await res.json()).id;
}

async function firstPeriode(page: Page): Promise<string> {
  const list = await (await page.request.get('/api/periode')).json();
  return (list.items ?? list)[0].id;
}

type PageSpec = string | ((page: Page) => Promise<string>);
const byRole: Record<DemoUser | 'anonim', PageSpec[]> = {
  anonim: ['/masuk', `/peringkat/${TAHUN}`, `/peringkat/${TAHUN}/unit/${DAGO}`, '/survei', `/survei/${DAGO}`],
  admin: [
    '/',
    '/wilayah',
    `/unit/${DAGO}`,
    '/akun/kata-sandi',
    '/admin/audit',
    '/admin/pekerjaan',
    '/admin/periode',
    async (page) => `/admin/periode/${await firstPeriode(page)}`,
    '/admin/pengguna',
    `/admin/publikasi/${TAHUN}`,
    '/laporan',
    `/laporan/unit/${DAGO}`,
    `/rapor/${TAHUN}/peringkat`,
    `/rapor/${TAHUN}/analitik`,
    `/rapor/${TAHUN}/unit/${DAGO}`,
    '/notifikasi',
    '/skm/moderasi',
    `/skm/${DAGO}?tahun=${TAHUN}`,
    `/skm/${COBLONG}/poster`,
  ],
  verifikator: [
    '/',
    '/verifikasi',
    '/laporan',
    async (page) => `/laporan/${await dagoReport(page)}`,
    '/skm/moderasi',
    `/rapor/${TAHUN}/peringkat`,
    `/rapor/${TAHUN}/analitik`,
    '/notifikasi',
  ],
  analis: [
    '/',
    `/rapor/${TAHUN}/peringkat`,
    `/rapor/${TAHUN}/analitik`,
    '/laporan',
    `/skm/${COBLONG}?tahun=${TAHUN}`,
  ],
  camat: [
    '/',
    '/laporan',
    `/laporan/unit/${COBLONG}`,
    '/verifikasi',
    `/rapor/${TAHUN}/unit/${COBLONG}`,
    `/unit/${COBLONG}`,
    `/skm/${COBLONG}?tahun=${TAHUN}`,
    '/notifikasi',
  ],
  lurah: [
    '/',
    '/laporan',
    `/laporan/unit/${DAGO}`,
    async (page) => `/laporan/${await dagoReport(page)}`,
    `/rapor/${TAHUN}/unit/${DAGO}`,
    `/unit/${DAGO}`,
    `/skm/${DAGO}?tahun=${TAHUN}`,
    '/notifikasi',
    '/akun/kata-sandi',
    '/panduan',
    async (page) => `/laporan/${await dagoReport(page)}/cetak`,
    `/rapor/${TAHUN}/unit/${DAGO}/cetak`,
  ],
  lurahLain: ['/'],
  operator: ['/', '/laporan', `/laporan/unit/${DAGO}`, `/unit/${DAGO}`, '/notifikasi'],
};

for (const [who, specs] of Object.entries(byRole)) {
  test.describe(`a11y: ${who}`, () => {
    for (const [i, spec] of specs.entries()) {
      const label = typeof spec === 'string' ? spec : `halaman ${i + 1} (id dari API)`;
      test(`${who} ${label}`, async ({ page }) => {
        if (who !== 'anonim') await loginViaApi(page, who as DemoUser);
        const path = typeof spec === 'string' ? spec : await spec(page);
        await open(page, path);
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        expect(await seriousA11yViolations(page), path).toEqual([]);
      });
    }
  });
}
