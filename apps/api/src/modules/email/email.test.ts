import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  eventually,
  loggedIn,
  TEST_PASSWORD,
  TEST_SECRET,
  TestClient,
  type TestContext,
} from '../../../test/helpers';
import { loadConfig } from '../../config/env';
import { emailOutbox } from '../../db/schema/email';
import { createAuditRepo } from '../audit/audit.repo';
import { createNotificationsRepo } from '../notifications/notifications.repo';
import { createPemdaRepo } from '../pemda/pemda.repo';
import { createZones } from '../pemda/pemda.zona';
import { createWilayahRepo } from '../wilayah/wilayah.repo';
import { openMailer } from './email.mailer';
import { createEmailRepo } from './email.repo';
import { createEmailService, type EmailService } from './email.service';
import { createEmailTokens } from './email.tokens';

/** An in-process SMTP server that keeps every message (the mail catcher of the tests). */
interface Captured {
  to: string[];
  raw: string;
}
function startSmtp(port = 0) {
  const mails: Captured[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString(),
        });
        done();
      });
    },
  });
  return new Promise<{ server: SMTPServer; port: number; mails: Captured[] }>((resolve) => {
    server.listen(port, '127.0.0.1', () =>
      resolve({ server, port: (server.server.address() as AddressInfo).port, mails }),
    );
  });
}

/** The text of a message (headers unfolded, quoted-printable decoded), readable for assertions. */
const decoded = (raw: string) =>
  raw
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));

const clock = {
  t: new Date('2026-04-05T03:00:00Z'),
  now() {
    return this.t;
  },
};
const PUBLIC_URL = 'https://sip.example.go.id';

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let ctx: TestContext;
let email: EmailService;
let lurah: TestClient;
let lurahId: string;
let lurahUsername: string;

const notify = (kind: 'dikembalikan' | 'disahkan' | 'jatuh_tempo', message: string) =>
  createNotificationsRepo(ctx.database.db).notifyAll([{ id: lurahId }], {
    kind,
    laporanId: null,
    message,
    params: { laporan: { kind: 'bulanan', bulan: 3, tahun: 2026, unit: 'DAGO' } },
  });
const outboxOf = () =>
  ctx.database.db
    .select()
    .from(emailOutbox)
    .where(eq(emailOutbox.userId, lurahId))
    .orderBy(emailOutbox.createdAt);

beforeAll(async () => {
  smtp = await startSmtp();
  const smtpUrl = `smtp://127.0.0.1:${smtp.port}`;
  ctx = await createTestApp(
    { SMTP_URL: smtpUrl, PUBLIC_URL, LOGIN_RATE_LIMIT_PER_MINUTE: '1000' },
    { clock },
  );
  const db = ctx.database.db;
  // The outbox round as the email.kirim job runs it, on this test's clock.
  email = createEmailService({
    repo: createEmailRepo(db),
    auth: { confirmPassword: async () => {} },
    audit: createAuditRepo(db),
    wilayah: createWilayahRepo(db),
    zones: createZones(createPemdaRepo(db)),
    tokens: createEmailTokens(TEST_SECRET),
    mailer: await openMailer({ url: smtpUrl, from: 'SIP Kinerja <sip@example.go.id>' }),
    jobs: { send: async () => 'unused' },
    clock,
    settings: { publicUrl: PUBLIC_URL, digestHour: 7 },
    log: { warn: () => {} },
  });
  const l = await loggedIn(ctx, 'lurah', '32.73.02.1001');
  lurah = l.client;
  lurahId = l.user.id;
  lurahUsername = l.user.username;
}, 60_000);
afterAll(async () => {
  await ctx?.close();
  await new Promise<void>((r) => smtp?.server.close(() => r()));
});

describe('e-mail notifications', () => {
  it('a new address gets a confirmation link first; nothing else is sent to it until it is opened', async () => {
    const before = await lurah.request('GET', '/api/akun/email');
    expect(before.json()).toMatchObject({ tersedia: true, alamat: null, terverifikasi: false, version: 0 });

    const body = {
      alamat: 'Lurah.Dago@Example.go.id',
      jenis: ['dikembalikan', 'jatuh_tempo'],
      frekuensi: 'segera',
      version: 0,
    };
    // A new address needs the password (links to set a password go there).
    const noPassword = await lurah.request('PUT', '/api/akun/email', body);
    expect(noPassword.statusCode).toBe(400);
    expect(noPassword.json().error.details).toEqual([expect.objectContaining({ path: 'kataSandi' })]);
    const wrong = await lurah.request('PUT', '/api/akun/email', { ...body, kataSandi: 'salah-sekali-123' });
    expect(wrong.json().error.message).toContain('Kata sandi salah');
    const saved = await lurah.request('PUT', '/api/akun/email', { ...body, kataSandi: TEST_PASSWORD });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      alamat: 'lurah.dago@example.go.id',
      terverifikasi: false,
      version: 1,
    });

    // Not confirmed yet: a notification is not queued for e-mail.
    await notify('dikembalikan', 'Sebelum konfirmasi');
    expect(await outboxOf()).toHaveLength(0);

    // The confirmation goes out as a job (email.konfirmasi) through the real SMTP server.
    let link = '';
    await eventually(() => {
      const mail = smtp.mails.find((m) => m.to.includes('lurah.dago@example.go.id'));
      expect(mail).toBeDefined();
      const text = decoded(mail!.raw);
      expect(text).toContain('konfirmasi alamat e-mail');
      link =
        /https:\/\/sip\.example\.go\.id\/email\/konfirmasi#token=([A-Za-z0-9_.-]+)/.exec(text)?.[1] ?? '';
      expect(link).not.toBe('');
    }, 15_000);
    const opened = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/email/tautan',
      payload: { token: link },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ hasil: 'terkonfirmasi', alamat: 'lurah.dago@example.go.id' });
    expect((await lurah.request('GET', '/api/akun/email')).json()).toMatchObject({ terverifikasi: true });
  });

  it('sends what he chose (escaped, with links to act and to stop) and sets aside what he did not', async () => {
    smtp.mails.length = 0;
    await notify('dikembalikan', 'Laporan bulanan Maret 2026 DAGO dikembalikan: <b>lengkapi</b> bukti');
    await notify('disahkan', 'Laporan bulanan Maret 2026 DAGO disahkan camat.');
    // Only the kind he chose was queued; the other stays in the app. Two rounds at once (two
    // instances) send it once.
    const [a, b] = await Promise.all([email.deliver(), email.deliver()]);
    expect(a.terkirim + b.terkirim).toBe(1);
    expect(a.dilewati + b.dilewati + a.gagal + b.gagal).toBe(0);
    expect(smtp.mails).toHaveLength(1);
    const text = decoded(smtp.mails[0]!.raw);
    expect(text).toMatch(/Subject: .*dikembalikan/);
    expect(text).toContain('&lt;b&gt;lengkapi&lt;/b&gt;');
    expect(text).not.toContain('<b>lengkapi</b> bukti</li>');
    expect(text).toContain(`${PUBLIC_URL}/akun/email`);
    expect(text).toMatch(/List-Unsubscribe: <https:\/\/sip\.example\.go\.id\/email\/berhenti#token=/);
    const rows = await outboxOf();
    expect(rows.every((r) => r.sentAt !== null || r.skipped)).toBe(true);
    // Nothing waits any more: the next round sends nothing.
    expect(await email.deliver()).toEqual({ terkirim: 0, dilewati: 0, gagal: 0 });
  });

  it('a mail server that is down delays the e-mail, keeps it waiting and sends it once it is back', async () => {
    smtp.mails.length = 0;
    const port = smtp.port;
    await new Promise<void>((r) => smtp.server.close(() => r()));
    await notify('jatuh_tempo', 'Laporan bulanan April 2026 DAGO jatuh tempo 10 Mei 2026.');
    await expect(email.deliver()).rejects.toThrow();
    const waiting = (await outboxOf()).filter((r) => r.sentAt === null && !r.skipped);
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.attempts).toBe(1);
    expect((await lurah.request('GET', '/api/akun/email')).json().menunggu).toBe(1);

    // Back on the same address (the app's mailer keeps it).
    smtp = await startSmtp(port);
    expect(await email.deliver()).toEqual({ terkirim: 1, dilewati: 0, gagal: 0 });
    expect(smtp.mails).toHaveLength(1);
  });

  it("a daily digest goes once a day, after the digest hour in the pemda's zone", async () => {
    const s = (await lurah.request('GET', '/api/akun/email')).json();
    const saved = await lurah.request('PUT', '/api/akun/email', {
      alamat: s.alamat,
      jenis: s.jenis,
      frekuensi: 'harian',
      version: s.version,
    });
    expect(saved.json()).toMatchObject({ frekuensi: 'harian', terverifikasi: true });
    smtp.mails.length = 0;
    clock.t = new Date('2026-04-06T22:30:00Z'); // 7 April 05.30 WIB
    await notify('dikembalikan', 'Satu');
    await notify('jatuh_tempo', 'Dua');
    expect((await email.deliver()).terkirim).toBe(0);
    clock.t = new Date('2026-04-07T00:10:00Z'); // 07.10 WIB
    expect((await email.deliver()).terkirim).toBe(2);
    expect(smtp.mails).toHaveLength(1);
    expect(decoded(smtp.mails[0]!.raw)).toMatch(/Subject: .*2 pemberitahuan hari ini/);
    // Later the same day a new one waits for tomorrow's digest.
    clock.t = new Date('2026-04-07T05:00:00Z');
    await notify('dikembalikan', 'Tiga');
    expect((await email.deliver()).terkirim).toBe(0);
    clock.t = new Date('2026-04-08T00:05:00Z');
    expect((await email.deliver()).terkirim).toBe(1);
  });

  it('the stop link in every e-mail ends them without signing in; a forged or broken link is refused', async () => {
    const stopLink =
      /\/email\/berhenti#token=([A-Za-z0-9_.-]+)/.exec(decoded(smtp.mails.at(-1)!.raw))?.[1] ?? '';
    expect(stopLink).not.toBe('');
    const forged = `${stopLink.split('.')[0]}.${'A'.repeat(43)}`;
    const refused = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/email/tautan',
      payload: { token: forged },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.message).toContain('tidak sah atau sudah kedaluwarsa');

    const stopped = await ctx.app.inject({
      method: 'POST',
      url: '/api/public/email/tautan',
      payload: { token: stopLink },
    });
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json()).toMatchObject({ hasil: 'berhenti_semua' });
    expect((await lurah.request('GET', '/api/akun/email')).json().jenis).toEqual([]);
    const before = (await outboxOf()).length;
    await notify('dikembalikan', 'Setelah berhenti');
    expect((await outboxOf()).length).toBe(before);
  });

  it('a mistyped or unreachable SMTP server stops the start, naming SMTP_URL', async () => {
    expect(() => loadConfig({ DEMO: 'true', SMTP_URL: 'http://mail.example.go.id' })).toThrow(/SMTP_URL/);
    await expect(
      openMailer({ url: 'smtp://user:rahasia@127.0.0.1:1', from: 'x <x@example.go.id>' }, 2000),
    ).rejects.toThrow(/SMTP_URL: .*user:\*\*\*@127\.0\.0\.1:1\b/);
  });

  it('"lupa kata sandi": a link to the confirmed address sets a new password once; asking never tells who exists', async () => {
    smtp.mails.length = 0;
    clock.t = new Date();
    const anon = new TestClient(ctx.app);
    const asked = await anon.request('POST', '/api/auth/lupa-sandi', { username: lurahUsername });
    const unknown = await anon.request('POST', '/api/auth/lupa-sandi', { username: 'tidak-ada-orangnya' });
    expect(asked.statusCode, asked.body).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(unknown.json()).toEqual(asked.json());

    let token = '';
    await eventually(() => {
      const mail = smtp.mails.find((m) => decoded(m.raw).includes('atur ulang kata sandi'));
      expect(mail?.to).toEqual(['lurah.dago@example.go.id']);
      token = /\/reset-sandi#token=([A-Za-z0-9_.-]+)/.exec(decoded(mail!.raw))?.[1] ?? '';
      expect(token).not.toBe('');
    }, 15_000);
    expect(smtp.mails).toHaveLength(1);

    const weak = await anon.request('POST', '/api/auth/reset-sandi', { token, newPassword: 'password123' });
    expect(weak.statusCode).toBe(400);
    const fresh = 'Kopi-Susu-Gunung-Tangkuban-2026';
    const done = await anon.request('POST', '/api/auth/reset-sandi', { token, newPassword: fresh });
    expect(done.statusCode, done.body).toBe(204);
    // Every session of the account ended; the new password signs in; the link works once.
    expect((await lurah.request('GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await new TestClient(ctx.app).login(lurahUsername, fresh)).statusCode).toBe(200);
    const again = await anon.request('POST', '/api/auth/reset-sandi', {
      token,
      newPassword: `${fresh}-lagi`,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('sudah dipakai');
  });
});
