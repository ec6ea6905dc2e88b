/**
 * Fault suite, object storage (`pnpm test:faults` runs it after faults.ts): a real API process on a
 * fresh PostgreSQL database, its files in an S3 bucket (s3rver in this process, 127.0.0.1). Uploads
 * and downloads of bukti dukung run four at a time while the object store goes down for 2 s:
 *  - meanwhile every answer is 503 STORAGE_UNAVAILABLE with its readable message (never a 500, never
 *    a dropped connection);
 *  - uploads and downloads work again by themselves once the store is back, with no API restart;
 *  - nothing is half-saved: the evidence rows and the bucket's objects are the same keys, and every
 *    upload answered 201 has its row.
 */
import pg from 'pg';
import { createS3Client, createS3Storage } from '../../src/lib/storage/s3';
import { freshDatabase, Http, PDF, type Server, seed, startServer } from '../live/harness';
import { startS3Server } from '../s3-server';

const failures: string[] = [];
const check = (ok: boolean, what: string) => {
  console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
const count = (xs: unknown[]) => {
  const m: Record<string, number> = {};
  for (const x of xs) m[String(x)] = (m[String(x)] ?? 0) + 1;
  return m;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const now = new Date();
  const { url, drop } = await freshDatabase('storage');
  const s3 = await startS3Server('sip-faults');
  const client = createS3Client(s3.s3Config);
  let server: Server | undefined;
  try {
    const { database, addUser } = await seed(url, now);
    const q = new pg.Client({ connectionString: url });
    await q.connect();
    const kode = (
      await q.query<{ kode: string }>(
        "select kode from wilayah where level = 'kelurahan_desa' order by kode limit 1",
      )
    ).rows[0]!.kode;
    await q.end();
    await addUser('lurah-storage', 'lurah', kode);
    await database.close();
    const bulan = now.getUTCMonth() === 0 ? 1 : now.getUTCMonth();

    server = await startServer(url, {
      ...s3.env,
      S3_TIMEOUT_SECONDS: '2',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    const pid = server.child.pid;
    console.log(`object store down under uploads and downloads (API pid ${pid}, bucket ${s3.endpoint})`);
    const lurah = await new Http(server.base).login('lurah-storage');
    const opened = await lurah.request('POST', '/api/laporan', { wilayahKode: kode, kind: 'bulanan', bulan });
    if (![200, 201].includes(opened.status)) throw new Error(`open: ${opened.status} ${opened.text}`);
    const laporanId = opened.json.id as string;
    const code = (opened.json.indikatorCodes as string[])[0]!;
    const upload = async () => {
      const form = new FormData();
      form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'bukti.pdf');
      return lurah.request('POST', `/api/laporan/${laporanId}/isian/${code}/bukti`, undefined, form);
    };
    const first = await upload();
    if (first.status !== 201) throw new Error(`upload: ${first.status} ${first.text}`);
    const firstId = first.json.id as string;

    type Seen = { kind: 'upload' | 'download'; status: number | string; code?: string; message?: string };
    const seen: Seen[] = [];
    let stop = false;
    const workers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const kind = (i + w) % 2 === 0 ? 'upload' : 'download';
        const r = await (kind === 'upload' ? upload() : lurah.request('GET', `/api/bukti/${firstId}`)).then(
          (x) => ({ kind, status: x.status, code: x.json?.error?.code, message: x.json?.error?.message }),
          (e: Error) => ({ kind, status: e.message }),
        );
        seen.push(r as Seen);
      }
    });
    await sleep(1000);
    const started = Date.now();
    await s3.stop();
    // Requests already past the store when it stopped may still finish: look from 300 ms on.
    await sleep(300);
    const down = seen.length;
    await sleep(1700);
    const whileDown = seen.slice(down);
    await s3.start();
    console.log(
      `     store down for ${Date.now() - started} ms; answers meanwhile: ${JSON.stringify(count(whileDown.map((s) => `${s.kind} ${s.status}`)))}`,
    );
    check(
      whileDown.length > 0 &&
        whileDown.every((s) => s.status === 503 && s.code === 'STORAGE_UNAVAILABLE') &&
        whileDown.some((s) => s.kind === 'upload') &&
        whileDown.some((s) => s.kind === 'download'),
      'while the store is down every upload and download answers 503 STORAGE_UNAVAILABLE',
    );
    check(
      whileDown.every((s) => /Penyimpanan berkas sedang tidak dapat dihubungi/.test(s.message ?? '')),
      'with the readable message',
    );
    // Recovery: 20 answers in a row of 200/201 within 15 s, same API process.
    const mark = seen.length;
    const deadline = Date.now() + 15_000;
    let recovered = false;
    while (!recovered && Date.now() < deadline) {
      await sleep(50);
      const last = seen.slice(Math.max(mark, seen.length - 20));
      recovered = last.length >= 20 && last.every((s) => s.status === 200 || s.status === 201);
    }
    stop = true;
    await Promise.all(workers);
    console.log(
      `     statuses under load: ${JSON.stringify(count(seen.map((s) => `${s.kind} ${s.status}`)))}`,
    );
    check(
      seen.every((s) => s.status === 200 || s.status === 201 || s.status === 503),
      'only 200, 201 or 503 throughout (never 500, never a dropped connection)',
    );
    check(recovered, 'uploads and downloads work again by themselves within 15 s');
    check(server.child.pid === pid && server.child.exitCode === null, 'without an API restart');

    const q2 = new pg.Client({ connectionString: url });
    await q2.connect();
    const rows = (
      await q2.query<{ k: string }>('select storage_key as k from evidence where laporan_id = $1', [
        laporanId,
      ])
    ).rows.map((r) => r.k);
    await q2.end();
    const bucket = createS3Storage(client, { bucket: s3.bucket, prefix: '' }, 'bukti');
    // A put the outage cut off may land late; the API takes such objects back within a minute.
    let objects: string[] = [];
    for (const until = Date.now() + 70_000; ; ) {
      objects = [];
      for await (const k of bucket.list()) objects.push(k);
      if (objects.length === rows.length || Date.now() > until) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const accepted = seen.filter((s) => s.kind === 'upload' && s.status === 201).length + 1;
    console.log(
      `     uploads answered 201: ${accepted}; evidence rows: ${rows.length}; objects: ${objects.length}`,
    );
    check(
      JSON.stringify([...rows].sort()) === JSON.stringify([...objects].sort()),
      'the evidence rows and the objects are the same keys (no row without its object, no orphan object)',
    );
    check(rows.length === accepted, 'every upload answered 201 has its row, and only those');
    await server.stop();
  } finally {
    if (server && server.child.exitCode === null && server.child.signalCode === null)
      server.child.kill('SIGKILL');
    client.destroy();
    await s3.dispose();
    await drop().catch((e) => console.log(`could not drop the fault database: ${(e as Error).message}`));
  }
  console.log(
    failures.length
      ? `\nstorage fault suite: ${failures.length} FAILED`
      : '\nstorage fault suite: all checks passed',
  );
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
