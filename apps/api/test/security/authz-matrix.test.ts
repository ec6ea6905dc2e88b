// Every route × every role × an object of a foreign scope is refused, and lists never show a
// foreign row. The routes come from the app's own route table, so a new route without an entry in
// authz-matrix.ts fails here with its name. (OWASP API1/API5; ASVS 8.2.)
import type { Role } from '@sip/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestClient } from '../helpers';
import { type MatrixRequest, matrix } from './authz-matrix';
import {
  buildWorld,
  multipart,
  type Objects,
  PDF,
  snapshot,
  TESTED_ROLES,
  type World,
} from './foreign-world';

let world: World;
let routeKeys: string[] = [];
let before: Record<string, Awaited<ReturnType<typeof snapshot>>> = {};
beforeAll(async () => {
  world = await buildWorld();
  before = {
    otherPemda: await snapshot(world.ctx, world.otherPemda),
    otherUnit: await snapshot(world.ctx, world.otherUnit),
    home: await snapshot(world.ctx, world.home),
  };
  routeKeys = world.ctx.app.routeTable
    .filter((r) => r.url.startsWith('/api'))
    .map((r) => `${r.method} ${r.url}`);
}, 240_000);
afterAll(() => world?.ctx.close());

/** Roles whose scope excludes another kecamatan of the same pemda. */
const UNIT_ROLES: ReadonlySet<Role> = new Set(['camat', 'lurah', 'operator']);

async function send(client: TestClient, key: string, req: MatrixRequest) {
  const method = key.split(' ')[0] as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  if (req.upload) {
    const { payload, headers } = multipart(req.upload, PDF);
    return client.request(method, req.url, payload, { headers });
  }
  return client.request(method, req.url, req.body);
}

function leaks(body: string, o: Objects, withCodes: boolean): string[] {
  return [...o.markers, ...(withCodes ? o.codes : [])].filter((m) => body.includes(m));
}

type Outcome = { role: string; scope: string; url: string; status: number; problem: string };

/** Runs one route for one role and returns what is wrong (empty when refused/clean as required). */
async function check(key: string, role: (typeof TESTED_ROLES)[number] | 'anonymous'): Promise<Outcome[]> {
  const entry = matrix[key]!;
  const client = world.clients[role];
  const out: Outcome[] = [];
  const bad = (scope: string, url: string, status: number, problem: string) =>
    out.push({ role, scope, url, status, problem });
  const tiers: [string, Objects][] = [['pemda lain', world.otherPemda]];
  if (role !== 'anonymous' && UNIT_ROLES.has(role)) tiers.push(['kecamatan lain', world.otherUnit]);

  if (entry.kind === 'public') {
    for (const [scope, o] of tiers) {
      const req = entry.request(o);
      const res = await send(client, key, req);
      if (res.statusCode >= 500) bad(scope, req.url, res.statusCode, '5xx');
      const l = leaks(res.body, o, false);
      if (l.length) bad(scope, req.url, res.statusCode, `leaks ${l.join(', ')}`);
    }
    return out;
  }
  if (role === 'anonymous') {
    const req =
      entry.kind === 'list' ? entry.requests(world.otherPemda)[0]! : entry.request(world.otherPemda);
    const res = await send(client, key, req);
    if (res.statusCode !== 401) bad('tanpa login', req.url, res.statusCode, 'expected 401');
    return out;
  }
  switch (entry.kind) {
    case 'self':
      return out;
    case 'reference': {
      const req = entry.request(world.otherPemda);
      const res = await send(client, key, req);
      if (res.statusCode !== 200) bad('referensi', req.url, res.statusCode, 'expected 200');
      for (const [scope, o] of tiers) {
        const l = leaks(res.body, o, false);
        if (l.length) bad(scope, req.url, res.statusCode, `leaks ${l.join(', ')}`);
      }
      return out;
    }
    case 'own': {
      if (entry.roles.includes(role)) return out;
      const req = entry.request(world.home);
      const res = await send(client, key, req);
      if (![403, 404].includes(res.statusCode))
        bad('sendiri', req.url, res.statusCode, 'role not allowed: expected 403/404');
      return out;
    }
    case 'list': {
      const allowed = entry.roles.includes(role);
      for (const [scope, o] of tiers) {
        for (const req of entry.requests(o)) {
          const res = await send(client, key, req);
          const refused = [403, 404].includes(res.statusCode);
          if (allowed && !(req.foreignFilter && refused) && (res.statusCode < 200 || res.statusCode > 299))
            bad(scope, req.url, res.statusCode, 'expected 2xx');
          if (!allowed && ![403, 404].includes(res.statusCode))
            bad(scope, req.url, res.statusCode, 'role not allowed: expected 403/404');
          const l = leaks(res.body, o, true);
          if (l.length) bad(scope, req.url, res.statusCode, `leaks ${l.join(', ')}`);
        }
      }
      return out;
    }
    case 'object': {
      for (const [scope, o] of entry.unit ? tiers : tiers.slice(0, 1)) {
        const req = entry.request(o);
        const res = await send(client, key, req);
        const refusals = [403, 404, ...(entry.refusedWith?.statuses ?? [])];
        if (!refusals.includes(res.statusCode))
          bad(scope, req.url, res.statusCode, `expected ${refusals.join('/')}`);
        // The foreign codes were in the request itself; its ids, names and texts must not come back.
        const l = leaks(res.body, o, false);
        if (l.length) bad(scope, req.url, res.statusCode, `leaks ${l.join(', ')}`);
      }
      // A role the route is not for is refused even on an object inside its own scope.
      if (!entry.roles.includes(role)) {
        const req = entry.request(world.home);
        const res = await send(client, key, req);
        if (![403, 404].includes(res.statusCode))
          bad('sendiri', req.url, res.statusCode, 'role not allowed: expected 403/404');
      }
      return out;
    }
  }
}

describe('authorization matrix', () => {
  it('has an entry for every route of the app, and none for a route that no longer exists', () => {
    expect(routeKeys.length).toBeGreaterThan(50);
    const missing = routeKeys.filter((k) => !(k in matrix));
    const stale = Object.keys(matrix).filter((k) => !routeKeys.includes(k));
    expect(missing, 'routes without an authz-matrix.ts entry').toEqual([]);
    expect(stale, 'authz-matrix.ts entries for routes that do not exist').toEqual([]);
  });

  it('declares exactly the routes that skip login as public', () => {
    const routes = world.ctx.app.routeTable.filter((r) => r.url.startsWith('/api'));
    const skipsLogin = routes
      .filter((r) => r.public || r.url.startsWith('/api/docs'))
      .map((r) => `${r.method} ${r.url}`);
    const declared = Object.entries(matrix)
      .filter(([, e]) => e.kind === 'public')
      .map(([k]) => k);
    expect(skipsLogin.sort()).toEqual(declared.sort());
  });

  // One test per route of the route table (collected at load time from a throwaway app would cost a
  // second migration; the table is small and stable, so the matrix keys drive the loop and the test
  // above guarantees they are exactly the app's routes).
  for (const key of Object.keys(matrix)) {
    it(`${key}: every role is refused on a foreign object`, async () => {
      const problems: Outcome[] = [];
      for (const role of [...TESTED_ROLES, 'anonymous'] as const) problems.push(...(await check(key, role)));
      expect(problems).toEqual([]);
    });
  }

  // The matrix aims each request wholly at the foreign pemda; these aim part of it at the actor's
  // own objects, so the foreign part is the only reason to refuse.
  it('kinerja: a request mixing own objects with a foreign one is refused and reveals nothing', async () => {
    const home = world.home.kinerja;
    const asing = world.otherPemda.kinerja;
    const kp = world.clients.admin_kepegawaian;
    // The home `pegawai` actor holds the kepala position: the home staf's atasan.
    const atasan = world.clients.pegawai;
    const jabatan = {
      kode: 'PENYUSUP',
      nama: 'Jabatan Penyusup',
      jenis: 'pelaksana',
      kelas: 5,
      kepalaUnit: false,
    };
    const kegiatan = {
      nama: 'Diambil Alih',
      menitStandar: 60,
      satuan: 'dokumen',
      templat: false,
      urutan: 0,
      aktif: true,
    };
    const entri = {
      tanggal: '2026-04-02',
      mulai: '13:00',
      selesai: '14:00',
      kegiatanId: null,
      uraian: 'Aktivitas penyusup',
      volume: 1,
      satuan: 'dokumen',
      lembur: false,
      catatan: '',
    };
    const cases: [string, TestClient, 'GET' | 'POST' | 'PUT', string, unknown, number][] = [
      [
        'a foreign jabatan edited with an own unit kerja',
        kp,
        'PUT',
        `/api/kepegawaian/jabatan/${asing.jabatanId}`,
        { ...jabatan, unitKerjaId: home.unitKerjaId, atasanId: null, aktif: true, version: 1 },
        404,
      ],
      [
        'an own position put under a foreign atasan position',
        kp,
        'POST',
        '/api/kepegawaian/jabatan',
        { ...jabatan, unitKerjaId: home.unitKerjaId, atasanId: asing.jabatanAtasanId },
        400,
      ],
      [
        'a foreign catalogue item through an own position',
        kp,
        'PUT',
        `/api/kepegawaian/jabatan/${home.jabatanId}/kegiatan/${asing.kegiatanId}`,
        kegiatan,
        404,
      ],
      [
        'an own pegawai given a foreign position',
        kp,
        'POST',
        `/api/kepegawaian/pegawai/${home.pegawaiId}/penugasan`,
        { jabatanId: asing.jabatanAtasanId, jenis: 'plt', mulai: '2026-04-01', selesai: null },
        404,
      ],
      [
        'a foreign span ended through an own pegawai',
        kp,
        'PUT',
        `/api/kepegawaian/pegawai/${home.pegawaiId}/penugasan/${asing.spanId}`,
        { selesai: '2026-04-01' },
        404,
      ],
      [
        "a new pegawai linked to a foreign pegawai's account",
        kp,
        'POST',
        '/api/kepegawaian/pegawai',
        {
          nip: '198001012005011998',
          nama: 'Pegawai Penyusup',
          status: 'PNS',
          akun: { cara: 'tautkan', username: asing.stafUsername },
          penugasan: null,
        },
        400,
      ],
      [
        'an import of positions under a foreign unit kerja and a foreign atasan',
        kp,
        'POST',
        '/api/kepegawaian/impor',
        {
          jenis: 'jabatan',
          format: 'csv',
          isi: `kode;nama;kode_unit_kerja;jenis;kelas;kode_atasan;kepala_unit\nPENYUSUP-1;Jabatan Penyusup;${asing.unitKerjaKode};pelaksana;5;;tidak\nPENYUSUP-2;Jabatan Penyusup;${world.home.kinerja.unitKerjaKode};pelaksana;5;${asing.jabatanKode};tidak\n`,
          dryRun: false,
        },
        400,
      ],
      [
        "an import of pegawai in a foreign position with a foreign pegawai's account",
        kp,
        'POST',
        '/api/kepegawaian/impor',
        {
          jenis: 'pegawai',
          format: 'csv',
          isi: `nip;nama;status;kode_jabatan;jenis_penugasan;mulai;username\n198001012005011997;Pegawai Penyusup;PNS;${asing.jabatanKode};definitif;2026-01-01;${asing.stafUsername}\n`,
          dryRun: false,
        },
        400,
      ],
      [
        "the atasan approving a foreign entry as his staf's week",
        atasan,
        'POST',
        `/api/persetujuan/anggota/${home.pegawaiId}/minggu/${home.senin}/setujui`,
        { items: [{ id: asing.aktivitasId, version: asing.aktivitasVersion }] },
        404,
      ],
      [
        "the atasan approving his team's week with a foreign entry slipped in",
        atasan,
        'POST',
        `/api/persetujuan/tim/${home.senin}/setujui`,
        {
          items: [
            { id: home.aktivitasId, version: home.aktivitasVersion },
            { id: asing.aktivitasId, version: asing.aktivitasVersion },
          ],
        },
        404,
      ],
      [
        "a pegawai logging under the id of his staf's entry (another day, same pemda)",
        atasan,
        'POST',
        '/api/aktivitas',
        { ...entri, id: home.aktivitasId },
        404,
      ],
    ];
    const problems: string[] = [];
    for (const [what, client, method, url, body, status] of cases) {
      const res = await client.request(method, url, body);
      if (res.statusCode !== status)
        problems.push(`${what}: ${res.statusCode}, expected ${status} — ${res.body}`);
      // A message may name what the request itself named ("akun X tidak ditemukan"), nothing more.
      const sent = url + JSON.stringify(body);
      const l = leaks(res.body, world.otherPemda, false).filter((m) => !sent.includes(m));
      if (l.length) problems.push(`${what}: leaks ${l.join(', ')}`);
    }
    expect(problems).toEqual([]);
    // All or nothing: the staf's own entry in the refused team approval is still waiting.
    const week = await atasan.request(
      'GET',
      `/api/persetujuan/anggota/${home.pegawaiId}/minggu?tanggal=2026-04-03`,
    );
    expect(week.statusCode, week.body).toBe(200);
    expect(week.json().items.find((i: { id: string }) => i.id === home.aktivitasId)).toMatchObject({
      status: 'diajukan',
      version: home.aktivitasVersion,
    });
  });

  // A NIP is national (PP 11/2017): one ASN has one, so a NIP already registered in another pemda
  // is refused as taken — the personnel office must learn that the person exists elsewhere (a
  // mutasi moves the record), but nothing of that record comes back.
  it("kinerja: a NIP registered in another pemda is refused as taken, without that pemda's record", async () => {
    const res = await world.clients.admin_kepegawaian.request('POST', '/api/kepegawaian/pegawai', {
      nip: world.otherPemda.nip,
      nama: 'Pegawai Penyusup',
      status: 'PNS',
      akun: { cara: 'tanpa' },
      penugasan: null,
    });
    expect(res.statusCode, res.body).toBe(409);
    const l = leaks(res.body, world.otherPemda, false).filter((m) => m !== world.otherPemda.nip);
    expect(l).toEqual([]);
  });

  it('left every attacked object exactly as it was (refused writes changed nothing)', async () => {
    expect(await snapshot(world.ctx, world.otherPemda)).toEqual(before.otherPemda);
    expect(await snapshot(world.ctx, world.otherUnit)).toEqual(before.otherUnit);
    expect(await snapshot(world.ctx, world.home)).toEqual(before.home);
  });
});
