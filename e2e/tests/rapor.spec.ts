import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, loginViaApi, seriousA11yViolations, test } from '../fixtures';

// The spreadsheet reader the API itself uses (@e965/xlsx), to open the downloaded file.
const xlsxModule = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../apps/api/node_modules/@e965/xlsx/xlsx.mjs',
);

// One story in order: the analis looks at the running results, the admin publishes, the public sees them.
test.describe
  .serial('rapor, analytics and publication', () => {
    test('the analis compares two kecamatan on the charts and downloads the XLSX', async ({ page }) => {
      await loginViaApi(page, 'analis');
      await page.goto('/rapor/2026/analitik');
      await expect(page.getByRole('heading', { level: 1, name: 'Analitik 2026' })).toBeVisible();

      const first = page.getByRole('combobox', { name: 'Kecamatan pertama' });
      await first.click();
      await first.fill('Coblong');
      await page.getByRole('option', { name: 'Coblong', exact: true }).click();
      const second = page.getByRole('combobox', { name: 'Kecamatan kedua' });
      await second.click();
      await second.fill('Sukajadi');
      await page.getByRole('option', { name: 'Sukajadi', exact: true }).click();

      // The radar and the trend compare exactly those two; their table views hold the same numbers.
      const radar = page.getByRole('region', { name: 'Profil bidang: unit dibandingkan rata-rata pemda' });
      await expect(radar.getByRole('img').first()).toHaveAccessibleName(/Coblong: B1 .*Sukajadi: B1 /);
      await radar.getByText('Tabel', { exact: true }).click();
      const table = radar.getByRole('table');
      await expect(table.getByRole('columnheader', { name: 'Coblong' })).toBeVisible();
      await expect(table.getByRole('columnheader', { name: 'Sukajadi' })).toBeVisible();
      await expect(table.getByRole('rowheader')).toHaveCount(4);
      const trend = page.getByRole('region', { name: 'Tren nilai bulanan' });
      await trend.getByText('Tabel', { exact: true }).click();
      await expect(trend.getByRole('columnheader', { name: 'Sukajadi' })).toBeVisible();

      expect(await seriousA11yViolations(page)).toEqual([]);

      const downloadPromise = page.waitForEvent('download');
      await page.getByRole('link', { name: 'Unduh peringkat (XLSX)' }).click();
      const download = await downloadPromise;
      expect(download.suggestedFilename()).toBe('peringkat-kecamatan-2026.xlsx');
      const file = await download.path();
      const XLSX = await import(xlsxModule);
      const wb = XLSX.read(readFileSync(file), { type: 'buffer', cellFormula: true });
      const ws = wb.Sheets.Peringkat;
      const rows = XLSX.utils.sheet_to_json(ws) as Record<string, unknown>[];
      expect(rows).toHaveLength(30);
      expect(rows.map((r) => r.Kecamatan)).toContain('Coblong');
      // No live formulas anywhere in the sheet.
      expect(Object.values(ws).some((c) => typeof c === 'object' && c !== null && 'f' in c)).toBe(false);
    });

    test('a lurah objects to his rapor before publication; the admin decides with a reason', async ({
      page,
    }) => {
      // The admin opens the objection period in the periode settings.
      await loginViaApi(page, 'admin');
      const { items } = await (await page.request.get('/api/periode')).json();
      const p2026 = (items as { id: string; tahun: number }[]).find((x) => x.tahun === 2026)!;
      await page.goto(`/admin/periode/${p2026.id}`);
      await page.getByRole('tab', { name: 'Pengaturan' }).click();
      await page.getByLabel('Batas pengajuan keberatan atas rapor').fill('2100-12-31');
      await page.getByRole('button', { name: 'Simpan' }).click();
      await expect(page.getByText('Pengaturan periode disimpan.').first()).toBeVisible();

      // The lurah of Dago files an objection on his rapor page.
      await loginViaApi(page, 'lurah');
      await page.goto('/rapor/2026/unit/32.73.02.1004');
      const card = page.getByRole('region', { name: 'Keberatan atas rapor' });
      await expect(card).toContainText('Masa keberatan terbuka sampai');
      await card.getByRole('button', { name: 'Ajukan keberatan' }).click();
      await expect(card.getByText(/minimal 20 karakter/)).toBeVisible();
      await card
        .getByRole('textbox', { name: 'Isi keberatan' })
        .fill('Nilai B1.2 Oktober memakai register lama; register baru menunjukkan 95%.');
      await card.getByRole('button', { name: 'Ajukan keberatan' }).click();
      await expect(card.getByText('Menunggu keputusan')).toBeVisible();
      expect(await seriousA11yViolations(page)).toEqual([]);

      // The admin decides it on the publication page; the checklist counted it until then.
      await loginViaApi(page, 'admin');
      await page.goto('/admin/publikasi/2026');
      const admin = page.getByRole('region', { name: 'Keberatan unit' });
      await admin.getByRole('button', { name: 'Putuskan' }).click();
      const dialog = page.getByRole('dialog', { name: 'Keberatan Dago' });
      await dialog.getByText('Diterima', { exact: true }).click();
      await dialog
        .getByRole('textbox', { name: 'Alasan keputusan' })
        .fill('Register baru sudah diverifikasi ulang; nilai dikoreksi pada revisi.');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Putuskan' }).click();
      await expect(admin.getByText('Diterima', { exact: true })).toBeVisible();

      // The lurah sees the decision and its reason.
      await loginViaApi(page, 'lurah');
      await page.goto('/rapor/2026/unit/32.73.02.1004');
      await expect(page.getByRole('region', { name: 'Keberatan atas rapor' })).toContainText(
        'Register baru sudah diverifikasi ulang',
      );
    });

    test('the admin publishes 2026', async ({ page }) => {
      await loginViaApi(page, 'admin');
      await page.goto('/admin/publikasi/2026');
      await expect(page.getByRole('heading', { level: 1, name: 'Publikasi hasil 2026' })).toBeVisible();
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.getByRole('button', { name: 'Umumkan hasil 2026' }).click();
      const dialog = page.getByRole('dialog', { name: 'Umumkan hasil 2026' });
      await expect(dialog).toContainText('snapshot tidak dapat diubah');
      // The checklist: months due, reports waiting for review, annual reports missing. The demo
      // year runs on the real clock, so what is open depends on the day; anything open needs the
      // admin's consent and a reason.
      const preview = await (await page.request.get('/api/rapor/2026/publikasi/pratinjau')).json();
      const confirm = dialog.getByRole('button', { name: 'Umumkan hasil 2026' });
      const checklist = dialog.getByRole('region', { name: 'Daftar periksa' });
      await expect(checklist).toContainText(
        `${preview.checklist.tahunanBelum} dari ${preview.units} unit belum punya laporan tahunan terverifikasi`,
      );
      if (preview.early) {
        await expect(checklist).toContainText(
          `Baru ${preview.monthsDue} dari 12 laporan bulanan yang jatuh tempo`,
        );
      }
      if (preview.open) {
        await expect(confirm).toBeDisabled();
        await dialog.getByRole('checkbox', { name: /tetap mengumumkan hasil 2026/ }).check();
        await expect(confirm).toBeDisabled();
        await dialog
          .getByRole('textbox', { name: 'Alasan mengumumkan sekarang' })
          .fill('Uji alur pengumuman tahunan');
        expect(await seriousA11yViolations(page)).toEqual([]);
      }
      await expect(confirm).toBeEnabled();
      await confirm.click();
      await expect(page.getByText('Hasil 2026 telah diumumkan.').first()).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('table').getByRole('cell', { name: '1', exact: true })).toBeVisible();
      // The revision says how many counted SKM responses its IKM rests on (issue 15).
      const list = await (await page.request.get('/api/rapor/2026/publikasi')).json();
      const counted = list.revisions[0].skmResponses as number;
      expect(counted).toBeGreaterThan(0);
      await expect(
        page
          .getByRole('table')
          .getByRole('cell', { name: `${counted.toLocaleString('id-ID')} jawaban SKM dihitung` }),
      ).toBeVisible();

      // The berita acara of the year: on the pemda's letterhead, the predikat mix and the best ten.
      await page.getByRole('link', { name: 'Cetak berita acara' }).click();
      const sheet = page.getByRole('main', { name: 'Berita acara hasil penilaian 2026' });
      await expect(sheet.getByText('Pemerintah KOTA BANDUNG')).toBeVisible();
      await expect(sheet.getByRole('row', { name: /^Kecamatan/ })).toContainText('30');
      await expect(
        sheet.getByRole('table', { name: 'Sepuluh besar kelurahan' }).getByRole('row'),
      ).not.toHaveCount(0);
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('a rapor prints on the pemda letterhead', async ({ page }) => {
      await loginViaApi(page, 'analis');
      await page.goto('/rapor/2026/unit/32.73.02.1004');
      await page.getByRole('link', { name: 'Cetak / simpan PDF' }).click();
      const sheet = page.getByRole('main', { name: 'Rapor Kelurahan Dago 2026' });
      await expect(sheet.getByText('Pemerintah KOTA BANDUNG')).toBeVisible();
      await expect(sheet.getByText('Nilai total')).toBeVisible();
      await expect(sheet.getByText(/Hasil resmi yang diumumkan, revisi 1/)).toBeVisible();
      expect(await seriousA11yViolations(page)).toEqual([]);
    });

    test('the public ranking page shows the top ten without login', async ({ page }) => {
      await page.goto('/peringkat/2026');
      await expect(
        page.getByRole('heading', { level: 1, name: 'Peringkat Kinerja Kewilayahan 2026' }),
      ).toBeVisible();
      await expect(page.getByText('KOTA BANDUNG — hasil resmi yang diumumkan')).toBeVisible();
      const top = page.getByRole('table', { name: '10 besar camat' });
      // A header row and at least ten ranked rows (more when ranks are shared at the tenth place).
      await expect(top.getByRole('row').nth(10)).toBeVisible();
      await expect(top.getByRole('cell', { name: '1', exact: true })).toBeVisible();
      // The award goes to a person: each list names the camat or lurah (or says none is on record).
      await expect(top.getByRole('columnheader', { name: 'Camat' })).toBeVisible();
      await page.getByRole('tab', { name: '10 besar lurah' }).click();
      const lurah = page.getByRole('table', { name: '10 besar lurah' });
      await expect(lurah.getByRole('row').nth(10)).toBeVisible();
      await expect(lurah.getByRole('columnheader', { name: 'Lurah' })).toBeVisible();
      expect(await seriousA11yViolations(page)).toEqual([]);
      // The long list of every kelurahan loads when its tab opens.
      await page.getByRole('tab', { name: 'Kelurahan', exact: true }).click();
      await expect(page.getByRole('table', { name: 'Kelurahan' }).getByRole('row')).toHaveCount(152);
      // Not revised yet.
      await expect(page.getByText('Direvisi')).toHaveCount(0);
      // The history names the SKM responses the published IKM rests on.
      await expect(page.getByText(/Revisi 1 · .* jawaban SKM dihitung/)).toBeVisible();
    });
  });
