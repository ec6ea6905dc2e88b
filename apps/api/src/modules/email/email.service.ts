import type { EmailSettings, EmailSettingsBody, EmailTokenResult, NotificationKind } from '@sip/contracts';
import { notificationKinds } from '@sip/contracts';
import type { Clock } from '../../lib/clock';
import { AppError } from '../../lib/errors';
import { dayIn, type TimeZone, wallClock } from '../../lib/time';
import type { AuditRepo } from '../audit/audit.repo';
import type { Actor } from '../authz/authz';
import type { Jobs } from '../jobs/jobs.runtime';
import type { Zones } from '../pemda/pemda.zona';
import type { WilayahRepo } from '../wilayah/wilayah.repo';
import type { Mailer } from './email.mailer';
import type { EmailRepo } from './email.repo';
import { confirmMail, digestMail } from './email.templates';
import type { EmailTokens } from './email.tokens';

/** A confirmation link works this long. */
export const CONFIRM_DAYS = 3;
/**
 * A notification not sent within this many days (the mail server was away that long) is no longer
 * tried by e-mail — it stays in the app; news of last week in a burst would mislead more than help.
 */
export const GIVE_UP_DAYS = 3;
/** A round holds what it is sending this long; a round that died lets go after it. */
const CLAIM_MS = 10 * 60_000;
/** Sent and set-aside outbox rows are kept this long (what went out when), then forgotten. */
const KEEP_DAYS = 30;

export interface EmailServiceDeps {
  repo: EmailRepo;
  /** Who changes the address proves the password first (links to set a password go there). */
  auth: { confirmPassword(actor: Actor, password: string, ip: string | null): Promise<void> };
  audit: Pick<AuditRepo, 'record'>;
  wilayah: Pick<WilayahRepo, 'get'>;
  zones: Zones;
  tokens: EmailTokens;
  /** Undefined when no SMTP server is configured: settings are kept, nothing is sent. */
  mailer: Mailer | undefined;
  jobs: Pick<Jobs, 'send'>;
  clock: Clock;
  settings: { publicUrl: string; digestHour: number };
  log: { warn(obj: object, msg: string): void };
}

const knownKinds = new Set<string>(notificationKinds);

/**
 * Notifications by e-mail (DESIGN.md, Operations): each person chooses his address (confirmed by a
 * link before anything is sent to it), the kinds and a daily digest or at once; every e-mail
 * carries a link that stops them. The in-app notifications stay whatever he chooses. Sending runs
 * as a job (email.kirim, every minute) over the outbox the notifications fill (migration 0020), so a
 * mail server that is down delays e-mail and never fails the request that caused it.
 */
export function createEmailService(deps: EmailServiceDeps) {
  const { repo, tokens, clock, settings } = deps;
  const url = (p: string) => `${settings.publicUrl}${p}`;

  async function current(userId: string): Promise<EmailSettings> {
    const [row, menunggu] = await Promise.all([repo.get(userId), repo.pendingCount(userId)]);
    return {
      tersedia: deps.mailer !== undefined,
      alamat: row?.alamat ?? null,
      terverifikasi: Boolean(row?.alamat && row.terverifikasiAt),
      jenis: (row?.jenis ?? []).filter((k): k is NotificationKind => knownKinds.has(k)),
      frekuensi: row?.frekuensi ?? 'harian',
      jamRingkasan: settings.digestHour,
      menunggu,
      version: row?.version ?? 0,
    };
  }

  /** Whether a daily-digest reader is due his digest now: past the digest hour, none sent today. */
  function digestDue(last: Date | null, zona: TimeZone, now: Date): boolean {
    if (wallClock(now, zona).hour < settings.digestHour) return false;
    return last === null || dayIn(last, zona) !== dayIn(now, zona);
  }

  /** Sends the confirmation link (again) to the address not yet confirmed. */
  async function resendConfirmation(actor: Actor): Promise<EmailSettings> {
    const row = await repo.get(actor.userId);
    if (!row?.alamat) throw new AppError('VALIDATION', 'Isi alamat e-mail Anda lebih dahulu.');
    if (row.terverifikasiAt) throw new AppError('CONFLICT', 'Alamat e-mail ini sudah dikonfirmasi.');
    if (!deps.mailer) {
      throw new AppError(
        'CONFLICT',
        'Server ini belum disiapkan untuk mengirim e-mail (SMTP). Pengaturan Anda disimpan; hubungi admin TI pemda.',
      );
    }
    // One waiting confirmation per person and address: asking twice sends one e-mail.
    await deps.jobs.send(
      'email.konfirmasi',
      { userId: actor.userId, alamat: row.alamat },
      { pemdaKode: actor.pemdaKode, singletonKey: `email.konfirmasi:${actor.userId}:${row.alamat}` },
    );
    return current(actor.userId);
  }

  return {
    settings: (actor: Actor) => current(actor.userId),
    resendConfirmation,

    async updateSettings(actor: Actor, body: EmailSettingsBody, ip: string | null): Promise<EmailSettings> {
      const before = await repo.get(actor.userId);
      const alamat = body.alamat === '' ? null : body.alamat.toLowerCase();
      const sameAddress = alamat !== null && alamat === before?.alamat;
      const changed = alamat !== (before?.alamat ?? null);
      if (changed && alamat !== null) {
        if (!body.kataSandi) {
          throw new AppError('VALIDATION', 'Isi kata sandi Anda untuk mengganti alamat e-mail.', [
            { path: 'kataSandi', message: 'Isi kata sandi Anda untuk mengganti alamat e-mail.' },
          ]);
        }
        await deps.auth.confirmPassword(actor, body.kataSandi, ip);
      }
      const saved = await repo.save(
        actor.userId,
        {
          alamat,
          terverifikasiAt: sameAddress ? (before?.terverifikasiAt ?? null) : null,
          jenis: [...new Set(body.jenis)],
          frekuensi: body.frekuensi,
        },
        body.version,
        clock.now(),
      );
      if (!saved) {
        throw new AppError(
          'STALE',
          'Pengaturan e-mail sudah diubah (mungkin dari perangkat lain) sejak Anda membukanya. Muat ulang halaman, lalu ulangi perubahan Anda.',
        );
      }
      if (changed) {
        await deps.audit.record(actor, {
          action: 'auth.email_changed',
          entity: 'user',
          entityId: actor.userId,
          before: { alamat: before?.alamat ?? null },
          after: { alamat },
          ip,
        });
      }
      if (alamat !== null && !sameAddress && deps.mailer) return resendConfirmation(actor);
      return current(actor.userId);
    },

    /** The link of a confirmation or stop e-mail (no sign-in: the signed link is the credential). */
    async followLink(token: string): Promise<EmailTokenResult> {
      const now = clock.now();
      const t = tokens.verify(token, now);
      const invalid = () =>
        new AppError(
          'VALIDATION',
          'Tautan ini tidak sah atau sudah kedaluwarsa. Buka pengaturan e-mail di akun Anda untuk meminta tautan baru.',
        );
      if (!t) throw invalid();
      if (t.a === 'konfirmasi') {
        const row = await repo.confirm(t.u, t.e, now);
        if (!row) throw invalid();
        return { hasil: 'terkonfirmasi', alamat: t.e, jenis: null };
      }
      const kind = t.k !== null && knownKinds.has(t.k) ? (t.k as NotificationKind) : null;
      const row = await repo.stop(t.u, kind, now);
      return { hasil: kind ? 'berhenti_jenis' : 'berhenti_semua', alamat: row?.alamat ?? null, jenis: kind };
    },

    /** Job email.konfirmasi: the confirmation e-mail (retried by the job when the server refuses). */
    async sendConfirmation(userId: string, alamat: string, nama: string): Promise<void> {
      if (!deps.mailer) return;
      const row = await repo.get(userId);
      if (row?.alamat !== alamat || row.terverifikasiAt) return; // changed or confirmed meanwhile
      const token = tokens.sign({
        a: 'konfirmasi',
        u: userId,
        e: alamat,
        x: clock.now().getTime() + CONFIRM_DAYS * 86_400_000,
      });
      await deps.mailer.send(
        confirmMail({
          to: alamat,
          nama,
          confirmUrl: url(`/email/konfirmasi#token=${token}`),
          berlakuHari: CONFIRM_DAYS,
        }),
      );
    },

    /**
     * Job email.kirim (every minute): for each person with notifications waiting, one e-mail of all
     * of them — at once for 'segera', after the digest hour in his pemda's zone for 'harian'. What
     * he no longer wants (kind off, address gone or unconfirmed, account off) or what waited more than
     * GIVE_UP_DAYS is set aside, never sent. Returns the counts; throws after the round when the server refused someone (the job
     * then counts a failure and the rows are tried again).
     */
    async deliver(): Promise<{ terkirim: number; dilewati: number; gagal: number }> {
      const out = { terkirim: 0, dilewati: 0, gagal: 0 };
      if (!deps.mailer) return out;
      const now = clock.now();
      const tooOld = now.getTime() - GIVE_UP_DAYS * 86_400_000;
      // One round reads each pemda's zone and name once, however many of its people get e-mail.
      const pemdaOf = new Map<string, Promise<{ zona: TimeZone; nama: string }>>();
      const pemda = (kode: string) => {
        let p = pemdaOf.get(kode);
        if (!p) {
          p = Promise.all([deps.zones.zonaOf(kode), deps.wilayah.get(kode)]).then(([zona, w]) => ({
            zona,
            nama: w?.nama ?? kode,
          }));
          pemdaOf.set(kode, p);
        }
        return p;
      };
      let lastError: unknown;
      for (const r of await repo.pendingRecipients()) {
        const items = await repo.claimPending(r.userId, now, new Date(now.getTime() + CLAIM_MS));
        if (items.length === 0) continue; // another round holds them
        const usable = r.active && r.alamat && r.terverifikasiAt;
        const wanted = new Set(r.jenis ?? []);
        const skip = items.filter((i) => !usable || !wanted.has(i.kind) || i.createdAt.getTime() < tooOld);
        const send = items.filter((i) => !skip.includes(i));
        await repo.markSkipped(skip.map((i) => i.id));
        out.dilewati += skip.length;
        if (send.length === 0 || !r.alamat) continue;
        const { zona, nama: pemdaNama } = await pemda(r.pemdaKode);
        const harian = r.frekuensi !== 'segera';
        if (harian && !digestDue(r.terakhirDikirimAt, zona, now)) {
          await repo.release(
            send.map((i) => i.id),
            false,
          );
          continue;
        }
        const mail = digestMail({
          to: r.alamat,
          nama: r.nama,
          pemdaNama,
          harian,
          items: send.map((i) => ({
            kind: i.kind,
            message: i.message,
            url: url(i.laporanId ? `/laporan/${i.laporanId}` : '/notifikasi'),
          })),
          settingsUrl: url('/akun/email'),
          // In the fragment: the browser never sends it, so no request log holds it.
          unsubscribeUrl: url(
            `/email/berhenti#token=${tokens.sign({ a: 'berhenti', u: r.userId, k: null })}`,
          ),
        });
        try {
          await deps.mailer.send(mail);
          await repo.markSent(
            r.userId,
            send.map((i) => i.id),
            now,
          );
          out.terkirim += send.length;
        } catch (err) {
          lastError = err;
          out.gagal += send.length;
          await repo.release(
            send.map((i) => i.id),
            true,
          );
          deps.log.warn({ err, userId: r.userId }, 'e-mail not sent; tried again next round');
        }
      }
      await repo.prune(new Date(now.getTime() - KEEP_DAYS * 86_400_000));
      if (lastError) throw lastError;
      return out;
    },
  };
}
export type EmailService = ReturnType<typeof createEmailService>;
