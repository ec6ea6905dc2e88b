import type { Page } from '@playwright/test';
import { expect, loginViaApi, seriousA11yViolations, test } from '../fixtures';

/** A small, valid PDF made in the test (the API checks the bytes, not the name). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);
const BULAN =
  /^Isi laporan (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)$/;
const VALUES: Record<string, string> = {
  'B1.2': '96',
  'B1.3': '90',
  'B2.2': '2',
  'B3.1': '3',
  'B3.2': '80',
  'B3.4': '1',
};
const SHOTS = 'e2e/screenshots';

const entry = (page: Page, code: string) =>
  page.getByRole('group', { name: new RegExp(`^${code.replace('.', '\\.')} `) });

/** Screenshots of the current page on a desktop and on a phone (reloaded, so the layout settles). */
async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/${name}-desktop.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/${name}-phone.png` });
  await page.screenshot({ path: `${SHOTS}/${name}-phone-full.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

async function switchUser(page: Page, who: Parameters<typeof loginViaApi>[1]) {
  await page.context().clearCookies();
  await loginViaApi(page, who);
}

test('laporan: the lurah fills and submits, the camat endorses, the verifikator corrects and approves', async ({
  page,
}) => {
  test.setTimeout(180_000);

  // 1. The lurah of Dago opens the month that is open now and fills every entry, with a PDF each.
  await loginViaApi(page, 'lurah');
  await page.goto('/laporan');
  await expect(page.getByRole('heading', { level: 1, name: /Laporan Dago/ })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shoot(page, 'laporan-unit');
  await page.getByRole('button', { name: BULAN }).last().click();
  await expect(page).toHaveURL(/\/laporan\/[0-9a-f-]{36}$/);
  const reportUrl = page.url();
  await expect(page.getByRole('heading', { level: 1, name: /Laporan bulanan/ })).toBeVisible();
  for (const [code, value] of Object.entries(VALUES)) {
    const group = entry(page, code);
    await group.getByRole('textbox', { name: /^Nilai/ }).fill(value);
    await group
      .locator('input[type=file]')
      .setInputFiles({ name: `bukti-${code}.pdf`, mimeType: 'application/pdf', buffer: PDF });
    await expect(group.getByRole('link', { name: `Unduh bukti-${code}.pdf` })).toBeVisible();
  }
  await entry(page, 'B1.2').getByRole('textbox', { name: 'Catatan' }).fill('Rekap register layanan');
  // The live preview follows the typing, and the draft is saved automatically.
  await expect(page.getByTestId('pratinjau-total')).not.toHaveText('—');
  await expect(page.getByTestId('status-simpan')).toHaveText(/^Tersimpan pukul \d{2}\.\d{2}$/);
  // The draft survives a reload.
  await page.reload();
  await expect(entry(page, 'B1.2').getByRole('textbox', { name: /^Nilai/ })).toHaveValue(/96/);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shoot(page, 'laporan-form');

  await page.getByRole('button', { name: 'Ajukan laporan' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ajukan laporan' }).click();
  await expect(page.getByText('Laporan diajukan.')).toBeVisible();
  await expect(page.getByText('Laporan sudah diajukan dan sedang menunggu pengesahan camat.')).toBeVisible();

  // 2. The camat of Coblong finds it in his queue and endorses it.
  await switchUser(page, 'camat');
  await page.goto('/verifikasi');
  await expect(page.getByRole('heading', { level: 1, name: 'Kajian & verifikasi laporan' })).toBeVisible();
  await page
    .getByRole('link', { name: /^Buka laporan Dago / })
    .first()
    .click();
  await expect(page).toHaveURL(reportUrl);
  // Endorsing asks once more, with an optional comment kept in the history.
  await page.getByRole('button', { name: 'Sahkan laporan' }).click();
  const endorseDialog = page.getByRole('dialog', { name: 'Sahkan laporan ini?' });
  await endorseDialog.getByRole('textbox', { name: /Komentar/ }).fill('Sudah dicek bersama kasi');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await endorseDialog.getByRole('button', { name: 'Sahkan laporan' }).click();
  await expect(page.getByText('Laporan disahkan dan diteruskan ke verifikator.')).toBeVisible();

  // The verifikator returns it once; the lurah changes B1.2 and submits again; the camat, told in
  // the app that it waits for him, endorses it again.
  await switchUser(page, 'verifikator');
  await page.goto(reportUrl);
  await page.getByRole('button', { name: 'Kembalikan ke unit' }).click();
  const returnDialog = page.getByRole('dialog', { name: 'Kembalikan laporan' });
  await returnDialog.getByRole('textbox', { name: 'Alasan pengembalian' }).fill('Periksa lagi B1.2');
  await returnDialog.getByRole('button', { name: 'Kembalikan ke unit' }).click();
  await expect(page.getByText('Laporan dikembalikan ke unit.')).toBeVisible();
  await switchUser(page, 'lurah');
  await page.goto(reportUrl);
  await entry(page, 'B1.2')
    .getByRole('textbox', { name: /^Nilai/ })
    .fill('95');
  await expect(page.getByTestId('status-simpan')).toHaveText(/^Tersimpan pukul/);
  await page.getByRole('button', { name: 'Ajukan laporan' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Ajukan laporan' }).click();
  await expect(page.getByText('Laporan diajukan.')).toBeVisible();
  await switchUser(page, 'camat');
  await page.goto('/notifikasi');
  await expect(page.getByText(/Dago menunggu pengesahan Anda\./).first()).toBeVisible();
  await page.goto(reportUrl);
  await page.getByRole('button', { name: 'Sahkan laporan' }).click();
  await page
    .getByRole('dialog', { name: 'Sahkan laporan ini?' })
    .getByRole('button', { name: 'Sahkan laporan' })
    .click();
  await expect(page.getByText('Laporan disahkan dan diteruskan ke verifikator.')).toBeVisible();

  // 3. The verifikator sees what changed since he returned it, corrects one value with a reason,
  // accepts the others and approves.
  await switchUser(page, 'verifikator');
  await page.goto('/verifikasi');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await expect(page.getByRole('link', { name: /^Buka laporan Dago / }).first()).toBeVisible();
  await shoot(page, 'verifikasi');
  await page
    .getByRole('link', { name: /^Buka laporan Dago / })
    .first()
    .click();
  await expect(page).toHaveURL(reportUrl);
  await expect(entry(page, 'B1.2').getByText('Berubah sejak Anda kembalikan')).toBeVisible();
  await expect(entry(page, 'B1.3').getByText('Berubah sejak Anda kembalikan')).toHaveCount(0);
  await expect(
    page.getByText(/^1 isian berubah sejak Anda mengembalikan laporan pada .*: B1\.2\.$/),
  ).toBeVisible();
  // The PDF evidence opens in the app's viewer (inline, sandboxed), a download link beside it.
  await entry(page, 'B1.3').getByRole('button', { name: 'Lihat bukti-B1.3.pdf' }).click();
  const viewer = page.getByRole('dialog', { name: 'Bukti dukung: bukti-B1.3.pdf' });
  await expect(viewer.locator('iframe[title="bukti-B1.3.pdf"]')).toHaveAttribute('src', /\?tampil=1$/);
  await expect(viewer.getByRole('link', { name: 'Unduh bukti-B1.3.pdf' })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await viewer.getByRole('button', { name: 'Tutup penampil' }).click();
  await expect(viewer).toBeHidden();
  // He asks about B1.3 in its discussion.
  await entry(page, 'B1.3').getByRole('button', { name: 'Diskusi B1.3 (0 komentar)' }).click();
  const diskusi = page.getByRole('region', { name: 'Diskusi B1.3' });
  await diskusi
    .getByRole('textbox', { name: 'Komentar Anda tentang B1.3' })
    .fill('Rekap pengaduan dari SP4N-LAPOR?');
  await diskusi.getByRole('button', { name: 'Kirim komentar' }).click();
  await expect(diskusi.getByText('Rekap pengaduan dari SP4N-LAPOR?')).toBeVisible();
  await expect(entry(page, 'B1.3').getByRole('button', { name: 'Diskusi B1.3 (1 komentar)' })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  // No decision is shown as made before the verifikator makes one.
  const b13 = entry(page, 'B1.3');
  await expect(b13.getByText('Belum diputuskan.')).toBeVisible();
  await expect(b13.getByRole('radio', { name: 'Terima' })).not.toBeChecked();
  await expect(b13.getByRole('button', { name: 'Simpan keputusan' })).toBeDisabled();
  // A rejection changed into an acceptance keeps no reason.
  await b13.getByRole('radio', { name: 'Tolak' }).check();
  await b13.getByRole('textbox', { name: 'Alasan' }).fill('Rekap pengaduan tidak terbaca');
  await b13.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(b13.getByText(/Ditolak verifikator/)).toBeVisible();
  await b13.getByRole('radio', { name: 'Terima' }).check();
  await b13.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(b13.getByText('Diterima verifikator')).toBeVisible();
  await expect(b13.getByText('Rekap pengaduan tidak terbaca')).toHaveCount(0);
  const b12 = entry(page, 'B1.2');
  await b12.getByRole('radio', { name: 'Koreksi' }).check();
  await b12.getByRole('textbox', { name: 'Nilai koreksi' }).fill('90');
  await b12.getByRole('textbox', { name: 'Alasan' }).fill('Register layanan menunjukkan 90%');
  await b12.getByRole('button', { name: 'Simpan keputusan' }).click();
  await expect(page.getByText('Keputusan B1.2 disimpan.')).toBeVisible();
  // The four others are accepted in one action.
  await page.getByRole('button', { name: 'Terima semua 4 isian yang belum diputuskan' }).click();
  await expect(page.getByText('4 isian diterima.')).toBeVisible();
  for (const code of Object.keys(VALUES).filter((c) => c !== 'B1.2')) {
    await expect(entry(page, code).getByText('Diterima verifikator')).toBeVisible();
    await expect(entry(page, code).getByRole('radio', { name: 'Terima' })).toBeChecked();
  }
  await expect(b12.getByText(/Dikoreksi verifikator/)).toBeVisible();
  await page.getByRole('button', { name: 'Setujui laporan' }).click();
  const approveDialog = page.getByRole('dialog', { name: 'Setujui laporan ini?' });
  await approveDialog.getByRole('textbox', { name: /Komentar/ }).fill('Lengkap dan sesuai register');
  await approveDialog.getByRole('button', { name: 'Setujui laporan' }).click();
  await expect(page.getByText('Laporan disetujui dan dikunci.')).toBeVisible();
  // Both comments are in the report's history.
  const history = page.getByRole('region', { name: 'Riwayat laporan' });
  await expect(history.getByText('Alasan: Sudah dicek bersama kasi')).toBeVisible();
  await expect(history.getByText('Alasan: Lengkap dan sesuai register')).toBeVisible();

  // 4. The lurah sees the locked report, the corrected value and the reason.
  await switchUser(page, 'lurah');
  await page.goto(reportUrl);
  await expect(page.getByText('Laporan sudah diverifikasi dan dikunci.', { exact: false })).toBeVisible();
  await expect(entry(page, 'B1.2').getByText('Dikoreksi verifikator: 95 → 90')).toBeVisible();
  await expect(entry(page, 'B1.2').getByText('Alasan: Register layanan menunjukkan 90%')).toBeVisible();
  await expect(entry(page, 'B1.2').getByRole('textbox', { name: /^Nilai/ })).not.toBeEditable();
  await entry(page, 'B1.3').getByRole('button', { name: 'Diskusi B1.3 (1 komentar)' }).click();
  await expect(page.getByRole('region', { name: 'Diskusi B1.3' }).getByText(/\(verifikator\)/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ajukan laporan' })).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shoot(page, 'laporan-terkunci');

  // The printed report: kop surat, the corrected value with its reason, and who signed it off.
  await page.getByRole('link', { name: /Cetak laporan/ }).click();
  const sheet = page.getByRole('main', { name: /Laporan kinerja kewilayahan/ });
  await expect(sheet.getByText('Pemerintah KOTA BANDUNG')).toBeVisible();
  await expect(sheet.getByText('Kelurahan Dago')).toBeVisible();
  await expect(sheet.getByRole('row', { name: /B1\.2/ })).toContainText('Dikoreksi menjadi 90');
  const signatures = sheet.getByRole('region', { name: 'Tanda tangan' });
  await expect(signatures).toContainText('Lurah Dago');
  await expect(signatures).toContainText('Camat Coblong');
  await expect(signatures).toContainText('Verifikator');
  await expect(signatures.getByText(/^NIP\./)).toHaveCount(3);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shoot(page, 'laporan-cetak');

  // In English the lock, the history and the notifications read in English, numbers in English format.
  await page.goto(reportUrl);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(
    page.getByText('The report is verified and locked. Only an admin can reopen it.'),
  ).toBeVisible();
  const historyEn = page.getByRole('region', { name: 'Report history' });
  await expect(historyEn.getByText('Approved the report; the report is locked')).toBeVisible();
  await expect(historyEn.getByText('Corrected B1.2: 95 → 90')).toBeVisible();
  await expect(historyEn.getByText(/^(Mengajukan|Mengoreksi|Menyetujui)/)).toHaveCount(0);
  await page.goto('/notifikasi');
  await expect(
    page.getByText(/^Monthly report \w+ 2026 Dago was verified and locked\.$/).first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Indonesia' }).click();

  // 5. The lurah of a kelurahan in another kecamatan cannot open it.
  await switchUser(page, 'lurahLain');
  await page.goto(reportUrl);
  await expect(page.getByText('Laporan tidak ditemukan.')).toBeVisible();
  await expect(page.getByText('Dago')).toHaveCount(0);
});

test('laporan on a phone: the total and submit stay at hand, a file over the limit is refused before sending, the submit check links to its fields', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginViaApi(page, 'lurah');
  await page.goto('/laporan');
  await page.getByRole('button', { name: 'Isi laporan Januari' }).click();
  await expect(page).toHaveURL(/\/laporan\/[0-9a-f-]{36}$/);
  const bar = page.getByRole('region', { name: 'Nilai sementara dan ajukan' });
  const submit = bar.getByRole('button', { name: 'Ajukan laporan' });
  await expect(submit).toBeInViewport();
  await entry(page, 'B3.4').scrollIntoViewIfNeeded();
  await expect(submit).toBeInViewport();

  // 11 MB against the demo's 10 MB limit: said at once, and nothing is sent.
  const group = entry(page, 'B1.2');
  const uploads: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/bukti')) uploads.push(r.url());
  });
  await group.locator('input[type=file]').setInputFiles({
    name: 'pindaian-besar.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(11 * 1024 * 1024, 0x25),
  });
  await expect(group.getByRole('alert')).toContainText(
    'Berkas pindaian-besar.pdf berukuran 11 MB, lebih besar dari batas 10 MB, dan tidak dikirim.',
  );
  expect(uploads).toEqual([]);
  await expect(group.getByText('Belum ada bukti dukung.')).toBeVisible();

  // A file within the limit is sent; the focus returns to the upload button.
  await group
    .locator('input[type=file]')
    .setInputFiles({ name: 'bukti.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(group.getByRole('link', { name: 'Unduh bukti.pdf' })).toBeVisible();
  await expect(group.getByRole('alert')).toHaveCount(0);
  await expect(group.getByRole('button', { name: 'Unggah berkas — B1.2' })).toBeFocused();

  // Submitting with empty fields lists them; each message takes the person to its field.
  await submit.click();
  const missing = page.getByRole('alert').filter({ hasText: 'Laporan belum lengkap' });
  const link = missing.getByRole('link', { name: /^B1\.3 / });
  await link.click();
  await expect(entry(page, 'B1.3').getByRole('textbox', { name: /^Nilai/ })).toBeFocused();
  expect(await seriousA11yViolations(page)).toEqual([]);
});
