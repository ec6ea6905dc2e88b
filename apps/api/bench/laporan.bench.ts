/**
 * Benchmark of the laporan module on PGlite (in memory), through the whole app (HTTP layer, auth,
 * CSRF, validation, transactions, audit):
 *  - a 40-entry report: save all entries, then submit (target p95 < 200 ms);
 *  - the verifikator queue over 151 kelurahan x 12 months (target p95 < 100 ms).
 * Run: npx -y pnpm@10 bench:laporan   (TEST_DATABASE_URL=postgres://… to run it on PostgreSQL)
 */
import { defaultPeriodeConfig } from '@sip/contracts';
import { createBandungJuaraFramework, type Framework, type Indikator } from '@sip/scoring';
import { eq, like } from 'drizzle-orm';
import { laporan } from '../src/db/schema/laporan';
import { periode } from '../src/db/schema/periode';
import { wilayah } from '../src/db/schema/wilayah';
import { dueAtFor } from '../src/modules/laporan/laporan.state';
import { createTestApp, TestClient } from '../test/helpers';

const clock = { now: () => new Date('2026-12-20T03:00:00Z') };

/** The template's settings with four bidang of ten monthly percentage indicators each (40 entries). */
function fortyIndicatorFramework(): Framework {
  const fw = createBandungJuaraFramework();
  fw.bidang = fw.bidang.map((b, bi) => ({
    ...b,
    indikator: Array.from(
      { length: 10 },
      (_, i): Indikator => ({
        code: `X${bi + 1}.${i + 1}`,
        name: `Indikator uji ${bi + 1}.${i + 1}`,
        definition: 'Indikator buatan untuk pengukuran kecepatan.',
        satuan: '%',
        appliesTo: 'both',
        frequency: 'monthly',
        aggregation: 'average',
        weights: { kecamatan: 10, kelurahan: 10 },
        evidenceRequired: false,
        scoring: { type: 'percentage' },
      }),
    ),
  }));
  return fw;
}

function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]!;
  return { n: s.length, p50: q(0.5), p95: q(0.95), max: s[s.length - 1]! };
}
const fmt = (x: { n: number; p50: number; p95: number; max: number }) =>
  `n=${x.n}  p50 ${x.p50.toFixed(1)} ms  p95 ${x.p95.toFixed(1)} ms  max ${x.max.toFixed(1)} ms`;

async function time<T>(f: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await f();
  return [performance.now() - t, r];
}

async function main() {
  const ctx = await createTestApp(
    { LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '1000000' },
    { clock },
  );
  const db = ctx.database.db;
  try {
    const [p] = await db
      .insert(periode)
      .values({
        pemdaKode: '32.73',
        tahun: 2026,
        status: 'aktif',
        settings: defaultPeriodeConfig(2026),
        framework: fortyIndicatorFramework(),
        activatedAt: clock.now(),
      })
      .returning();
    const kelurahan = await db.select().from(wilayah).where(like(wilayah.kode, '32.73.__.____'));
    console.log(`Database: ${ctx.database.driver}; ${kelurahan.length} kelurahan of Kota Bandung.`);

    // 1. Save 40 entries and submit, for 40 different kelurahan (warm-up: 5 more, not counted).
    const save: number[] = [];
    const submit: number[] = [];
    const both: number[] = [];
    const runs = 45;
    for (let i = 0; i < runs; i++) {
      const kode = kelurahan[i]!.kode;
      const user = await ctx.createUser({ role: 'lurah', wilayahKode: kode });
      const client = new TestClient(ctx.app);
      await client.login(user.username, user.password);
      const opened = await client.request('POST', '/api/laporan', {
        wilayahKode: kode,
        kind: 'bulanan',
        bulan: 11,
      });
      const d = opened.json();
      const entries = d.indikatorCodes.map((code: string, k: number) => ({
        indikatorCode: code,
        value: 50 + ((k * 7) % 50),
        note: 'Rekap bulan November',
        version: 0,
      }));
      if (entries.length !== 40) throw new Error(`expected 40 indicators, got ${entries.length}`);
      const [ts, rs] = await time(() => client.request('PATCH', `/api/laporan/${d.id}/isian`, { entries }));
      if (rs.statusCode !== 200) throw new Error(rs.body);
      const [tu, ru] = await time(() =>
        client.request('POST', `/api/laporan/${d.id}/ajukan`, { version: d.version }),
      );
      if (ru.statusCode !== 200) throw new Error(ru.body);
      if (i >= 5) {
        save.push(ts);
        submit.push(tu);
        both.push(ts + tu);
      }
    }
    console.log('\n40-entry report (PATCH entries, POST submit) — target p95 < 200 ms');
    console.log(`  save           ${fmt(stats(save))}`);
    console.log(`  submit         ${fmt(stats(submit))}`);
    console.log(`  save + submit  ${fmt(stats(both))}`);

    // 2. The queue over 151 kelurahan x 12 months (existing rows kept; the rest inserted directly).
    const existing = new Set((await db.select().from(laporan)).map((r) => `${r.wilayahKode}:${r.bulan}`));
    const statuses = ['diajukan', 'dikaji_camat', 'diverifikasi', 'dikembalikan', 'draf'] as const;
    const rows = kelurahan.flatMap((k, ki) =>
      Array.from({ length: 12 }, (_, m) => m + 1)
        .filter((m) => !existing.has(`${k.kode}:${m}`))
        .map((m) => {
          const status = statuses[(ki + m) % statuses.length]!;
          const dueAt = dueAtFor(
            { tahun: 2026, settings: defaultPeriodeConfig(2026), zona: 'Asia/Jakarta' },
            'bulanan',
            m,
          );
          const submittedAt =
            status === 'draf' ? null : new Date(dueAt.getTime() - ((ki * 13 + m * 7) % 200) * 3_600_000);
          return {
            periodeId: p!.id,
            wilayahKode: k.kode,
            kecamatanKode: k.kode.slice(0, 8),
            level: 'kelurahan' as const,
            kind: 'bulanan' as const,
            bulan: m,
            status,
            endorsementRequired: true,
            dueAt,
            submittedAt,
            firstSubmittedAt: submittedAt,
            late: submittedAt !== null && submittedAt > dueAt,
          };
        }),
    );
    for (let i = 0; i < rows.length; i += 500) await db.insert(laporan).values(rows.slice(i, i + 500));
    const total = (await db.select().from(laporan).where(eq(laporan.periodeId, p!.id))).length;
    const ver = await ctx.createUser({ role: 'verifikator', wilayahKode: '32.73' });
    const vc = new TestClient(ctx.app);
    await vc.login(ver.username, ver.password);
    const urls = [
      '/api/laporan/queue',
      '/api/laporan/queue?page=10',
      '/api/laporan/queue?status=diajukan&late=false',
      '/api/laporan/queue?kecamatan=32.73.02&bulan=3',
      '/api/laporan/queue?status=diverifikasi&pageSize=100',
    ];
    const queue: number[] = [];
    for (let i = 0; i < 220; i++) {
      const url = urls[i % urls.length]!;
      const [t, r] = await time(() => vc.request('GET', url));
      if (r.statusCode !== 200) throw new Error(r.body);
      if (i >= 20) queue.push(t);
    }
    const counts: number[] = [];
    for (let i = 0; i < 60; i++) {
      const [t] = await time(() => vc.request('GET', '/api/laporan/queue/counts'));
      if (i >= 10) counts.push(t);
    }
    const first = (await vc.request('GET', '/api/laporan/queue')).json();
    console.log(`\nVerifikator queue over ${total} reports (${first.total} waiting) — target p95 < 100 ms`);
    console.log(`  queue          ${fmt(stats(queue))}`);
    console.log(`  counts         ${fmt(stats(counts))}`);
  } finally {
    await ctx.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
