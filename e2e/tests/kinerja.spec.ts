// Kinerja pegawai in the browser: every page of the four roles passes axe (WCAG 2.1 AA, no serious or
// critical violations); a pegawai's entry made without a connection waits on the device and is sent
// once when the connection returns; an atasan approves a member's week in one click.

import type { Page } from '@playwright/test';
import { DEMO_PASSWORD, expect, seriousA11yViolations, test } from '../fixtures';

async function login(page: Page, username: string) {
  const { csrfToken } = await (await page.request.get('/api/auth/csrf')).json();
  const res = await page.request.post('/api/auth/login', {
    data: { username, password: DEMO_PASSWORD },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(res.status(), await res.text()).toBe(200);
}

const api = async (page: Page, path: string) => {
  const res = await page.request.get(`/api${path}`);
  expect(res.status(), path).toBe(200);
  return res.json();
};

/** The month the verifikator works on: the one before this one (in WIB, as the config's timezone). */
function lastMonth() {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? { tahun: y - 1, bulan: 12 } : { tahun: y, bulan: m - 1 };
}

type PageSpec = string | ((page: Page) => Promise<string>);
const pages: Record<string, PageSpec[]> = {
  'staf.coblong': ['/aktivitas', '/aktivitas/minggu', '/aktivitas/bulan', '/tim'],
  'kasubag.coblong': [
    '/tim',
    async (page) => `/tim/${(await api(page, '/persetujuan/tim')).anggota[0].pegawaiId}`,
  ],
  'verifikator.kinerja': [
    '/verifikasi-kinerja',
    async (page) => {
      const { tahun, bulan } = lastMonth();
      const q = await api(page, `/verifikasi-kinerja?tahun=${tahun}&bulan=${bulan}`);
      return `/verifikasi-kinerja/${q.items[0].unitKerjaId}/${tahun}/${bulan}`;
    },
  ],
  bkpsdm: [
    '/kepegawaian/unit-kerja',
    async (page) => {
      const units = await api(page, '/kepegawaian/unit-kerja');
      return `/kepegawaian/jabatan?unitKerjaId=${units.items[0].id}`;
    },
    '/kepegawaian/pegawai',
    async (page) =>
      `/kepegawaian/pegawai/${(await api(page, '/kepegawaian/pegawai?pageSize=1')).items[0].id}`,
    '/kepegawaian/kalender',
    '/kepegawaian/cuti',
    '/kepegawaian/pengaturan',
  ],
};

for (const [username, specs] of Object.entries(pages)) {
  test.describe(`a11y kinerja: ${username}`, () => {
    for (const [i, spec] of specs.entries()) {
      const label = typeof spec === 'string' ? spec : `halaman ${i + 1} (id dari API)`;
      test(`${username} ${label}`, async ({ page }) => {
        await login(page, username);
        await page.goto(typeof spec === 'string' ? spec : await spec(page));
        await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        expect(await seriousA11yViolations(page), label).toEqual([]);
      });
    }
  });
}

test('an entry made without a connection waits on the device and is stored once when it returns', async ({
  page,
}) => {
  await login(page, 'staf.coblong');
  // A recent day still open for entries (the grace period), found through the API.
  let tanggal = '';
  for (let back = 1; back <= 6 && !tanggal; back++) {
    const d = new Date(Date.now() - back * 86_400_000);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(d);
    if ((await api(page, `/aktivitas/hari?tanggal=${day}`)).tertutup === null) tanggal = day;
  }
  expect(tanggal, 'a day open for entries').not.toBe('');
  const uraian = `Lembur menyiapkan berkas rapat ${Date.now()}`;

  await page.goto(`/aktivitas?tanggal=${tanggal}`);
  await page.getByRole('button', { name: 'Tambah aktivitas' }).click();
  await expect(page.getByRole('heading', { name: 'Tambah aktivitas' })).toBeVisible();
  // No connection for the log's POST.
  await page.route('**/api/aktivitas', (route) =>
    route.request().method() === 'POST' ? route.abort('internetdisconnected') : route.continue(),
  );
  const segmen = page.getByText('Tulis sendiri', { exact: true });
  if (await segmen.isVisible()) await segmen.click();
  await page.getByLabel('Uraian').fill(uraian);
  await page.getByLabel('Mulai').fill('21:00');
  await page.getByLabel('Selesai').fill('21:30');
  await page.getByLabel('Satuan hasil').fill('berkas');
  await page.getByLabel('Lembur (di luar jam kerja)').check();
  await page.getByRole('button', { name: 'Simpan aktivitas' }).click();

  const draft = page.getByRole('listitem').filter({ hasText: uraian });
  await expect(draft.getByText('Menunggu koneksi')).toBeVisible();
  // A reload keeps it (it lives in this browser's storage).
  await page.reload();
  await expect(draft.getByText('Menunggu koneksi')).toBeVisible();

  await page.unroute('**/api/aktivitas');
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(draft.getByText('Menunggu atasan')).toBeVisible();
  await expect(page.getByText('Menunggu koneksi')).toHaveCount(0);
  const day = await api(page, `/aktivitas/hari?tanggal=${tanggal}`);
  expect(day.items.filter((a: { uraian: string }) => a.uraian === uraian)).toHaveLength(1);
});

test('an atasan approves a member’s waiting week in one click', async ({ page }) => {
  await login(page, 'kasubag.coblong');
  const tim = await api(page, '/persetujuan/tim');
  const member = tim.anggota.find((a: { diajukan: number }) => a.diajukan > 0);
  test.skip(!member, 'no member with entries waiting this week');
  await page.goto('/tim');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: member.nama }) });
  await card.getByRole('button', { name: /^Setujui semua/ }).click();
  await expect(page.getByText(`${member.diajukan} aktivitas ${member.nama} disetujui.`)).toBeVisible();
  await expect(card.getByRole('button', { name: /^Setujui semua/ })).toBeDisabled();
});
