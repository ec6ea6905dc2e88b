// Malformed input is the sender's fault and gets a 400 the person can act on, never a 500, on every
// route of the app's own route table: a lone UTF-16 surrogate in any string of any JSON body, and
// multipart bodies without a boundary or cut short on every upload route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrix } from './authz-matrix';
import { buildWorld, PDF, type World } from './foreign-world';

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 240_000);
afterAll(() => world?.ctx.close());

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

describe('malformed input', () => {
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
