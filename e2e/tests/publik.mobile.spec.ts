// The public side on a phone (390 px wide): a citizen without a QR code finds his office's survey.
import type { Page } from '@playwright/test';
import { expect, loginViaApi, seriousA11yViolations, test } from '../fixtures';

test.use({ viewport: { width: 390, height: 844 } });

/** Nothing wider than the screen: no sideways scrolling on a phone. */
const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

test('without a QR code a citizen picks his kecamatan and kelurahan and reaches its survey', async ({
  page,
}) => {
  await page.goto('/survei');
  await expect(
    page.getByRole('heading', { level: 1, name: /Pilih kantor yang melayani Anda/ }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/survei$/); // Not sent to the login page.
  const kecamatan = page.getByLabel('Kecamatan', { exact: true });
  const kantor = page.getByLabel('Kantor yang melayani Anda');
  await expect(kantor).toBeDisabled();
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await noSidewaysScroll(page)).toBe(true);
  await page.screenshot({ path: 'test-results/publik-survei-pilih.png' });

  // Going on without a choice says what is missing, at the field.
  await page.getByRole('button', { name: 'Mulai survei' }).click();
  await expect(page.getByText('Pilih kecamatan Anda.')).toBeVisible();
  await expect(kecamatan).toBeFocused();
  await expect(kecamatan).toHaveAttribute('aria-invalid', 'true');

  await kecamatan.selectOption({ label: 'Coblong' });
  await expect(kantor).toBeEnabled();
  await expect(kantor.getByRole('option', { name: 'Kantor Kecamatan Coblong' })).toBeAttached();
  await page.getByRole('button', { name: 'Mulai survei' }).click();
  await expect(page.getByText('Pilih kelurahan atau kantor kecamatan yang melayani Anda.')).toBeVisible();
  await expect(kantor).toBeFocused();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await kantor.selectOption({ label: 'Kelurahan Dago' });
  await page.getByRole('button', { name: 'Mulai survei' }).click();
  await expect(page).toHaveURL(/\/survei\/32\.73\.02\.1004$/);
  await expect(page.getByRole('heading', { level: 1, name: /Kelurahan Dago/ })).toBeVisible();

  // The kecamatan office has its own survey too.
  await page.goto('/survei');
  await page.getByLabel('Kecamatan', { exact: true }).selectOption({ label: 'Coblong' });
  await page.getByLabel('Kantor yang melayani Anda').selectOption({ label: 'Kantor Kecamatan Coblong' });
  await page.getByRole('button', { name: 'Mulai survei' }).click();
  await expect(page).toHaveURL(/\/survei\/32\.73\.02$/);
  await expect(page.getByRole('heading', { level: 1, name: /Kecamatan Coblong/ })).toBeVisible();
});

/**
 * The demo has one year (2026), which rapor.spec.ts publishes in its serial story (the desktop
 * project runs before the phone one). Run alone, this spec publishes it itself through the API.
 */
async function ensurePublished(page: Page, tahun: number) {
  const years = await (await page.request.get('/api/public/peringkat')).json();
  if ((years.tahun as number[]).includes(tahun)) return;
  await loginViaApi(page, 'admin');
  const { csrfToken } = await (await page.request.get('/api/auth/csrf')).json();
  const res = await page.request.post(`/api/rapor/${tahun}/publikasi`, {
    data: { reason: 'Uji halaman publik di ponsel', konfirmasi: true },
    headers: { 'x-csrf-token': csrfToken },
    timeout: 60_000,
  });
  expect(res.status(), await res.text()).toBe(200);
  await page.context().clearCookies();
}

test('from the login page to the latest published ranking, a search and a unit rapor on a phone', async ({
  page,
}) => {
  await ensurePublished(page, 2026);
  await page.goto('/masuk');
  const publik = page.getByRole('navigation', { name: 'Untuk masyarakat' });
  await expect(publik.getByRole('link', { name: 'Isi survei kepuasan masyarakat' })).toHaveAttribute(
    'href',
    '/survei',
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await noSidewaysScroll(page)).toBe(true);
  await page.screenshot({ path: 'test-results/publik-masuk-ponsel.png', fullPage: true });
  await publik.getByRole('link', { name: 'Peringkat kinerja kecamatan dan kelurahan' }).click();

  // The latest published year, with its publication date.
  await expect(page).toHaveURL(/\/peringkat\/2026$/);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Peringkat Kinerja Kewilayahan 2026' }),
  ).toBeVisible();
  const pub = await (await page.request.get('/api/public/peringkat/2026')).json();
  const publishedAt = new Intl.DateTimeFormat('id-ID', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Jakarta',
  }).format(new Date(pub.revisions.at(-1).publishedAt));
  await expect(page.getByText(new RegExp(`^Diumumkan ${publishedAt}`))).toBeVisible();

  // On a phone the predikat column is on screen without scrolling sideways.
  const top = page.getByRole('table', { name: '10 besar camat' });
  await expect(top.getByRole('columnheader', { name: 'Predikat' })).toBeInViewport({ ratio: 1 });
  const firstRow = top.getByRole('row').nth(1);
  await expect(firstRow.getByRole('cell').last()).toBeInViewport({ ratio: 1 });
  await expect(firstRow.getByRole('cell').last()).toHaveText(pub.topCamat[0].predikat);
  // The whole word, not "SANGA…".
  const label = firstRow.getByRole('cell').last().locator('.mantine-Badge-label');
  expect(await label.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  expect(await noSidewaysScroll(page)).toBe(true);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/publik-peringkat-ponsel.png', fullPage: true });

  // Search by name, in the kecamatan list.
  await page.getByRole('tab', { name: 'Kecamatan' }).click();
  await page.getByRole('searchbox', { name: 'Cari unit' }).fill('cobl');
  const kecamatan = page.getByRole('table', { name: 'Kecamatan' });
  await expect(kecamatan.getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: '1 unit cocok' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Cari unit' }).fill('tidak ada kecamatan ini');
  await expect(page.getByText('Tidak ada unit bernama "tidak ada kecamatan ini".')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Cari unit' }).fill('Coblong');
  // Its camat is on record (the demo's camat of Coblong): named in the list, under the name on a phone.
  const camatCoblong = (await (await page.request.get('/api/public/peringkat/2026')).json()).kecamatan.find(
    (r: { kode: string }) => r.kode === '32.73.02',
  ).pejabat as string;
  expect(camatCoblong).toBeTruthy();
  await expect(kecamatan.getByRole('rowheader')).toContainText(camatCoblong);
  await kecamatan.getByRole('link', { name: 'Rapor Kecamatan Coblong' }).click();

  // The unit's published rapor and IKM, exactly as published.
  await expect(page).toHaveURL(/\/peringkat\/2026\/unit\/32\.73\.02$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Rapor Kecamatan Coblong 2026' })).toBeVisible();
  const coblong = await (await page.request.get('/api/public/peringkat/2026/unit/32.73.02')).json();
  const score = (n: number) =>
    n.toLocaleString('id-ID', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  await expect(page.getByText(score(coblong.total), { exact: true })).toBeVisible();
  await expect(page.getByText(coblong.predikat, { exact: true })).toBeVisible();
  await expect(page.getByText(`Peringkat ${coblong.rank} dari ${coblong.rankOf}`)).toBeVisible();
  await expect(
    page.getByText(new RegExp(`^Diumumkan ${publishedAt} · revisi ${coblong.revision}`)),
  ).toBeVisible();
  const bidang = page.getByRole('table', { name: 'Nilai per bidang' });
  await expect(bidang.getByRole('row')).toHaveCount(coblong.bidang.length + 1);
  const ikm = page.getByRole('region', { name: 'Indeks Kepuasan Masyarakat (IKM)' });
  if (coblong.skm.ikm !== null) await expect(ikm).toContainText(score(coblong.skm.ikm));
  expect(await noSidewaysScroll(page)).toBe(true);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/publik-rapor-ponsel.png', fullPage: true });

  // Back to the ranking, the kelurahan list, to Dago.
  await page.getByRole('link', { name: 'Peringkat 2026' }).click();
  await page.getByRole('tab', { name: 'Kelurahan' }).click();
  await page.getByRole('searchbox', { name: 'Cari unit' }).fill('dago');
  await page
    .getByRole('table', { name: 'Kelurahan' })
    .getByRole('link', { name: 'Rapor Kelurahan Dago' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapor Kelurahan Dago 2026' })).toBeVisible();
  await expect(page.getByText(/Kecamatan Coblong · KOTA BANDUNG/)).toBeVisible();
  // The demo's lurah of Dago is on record: named, not "Belum tercatat".
  const dago = await (await page.request.get('/api/public/peringkat/2026/unit/32.73.02.1004')).json();
  expect(dago.pejabat).toBeTruthy();
  await expect(page.getByText(`Lurah: ${dago.pejabat}`)).toBeVisible();
});

test('a year not yet published is answered in Indonesian, on the ranking and on a unit rapor', async ({
  page,
}) => {
  await page.goto('/peringkat/2025');
  await expect(page.getByRole('alert')).toHaveText('Peringkat tahun 2025 belum diumumkan.');
  await page.goto('/peringkat/2025/unit/32.73.02.1004');
  await expect(page.getByRole('alert')).toHaveText('Rapor tahun 2025 belum diumumkan.');
  expect(await seriousA11yViolations(page)).toEqual([]);
});
