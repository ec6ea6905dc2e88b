import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '../../lib/keys';

const sign = (key: string, data: string) =>
  createHmac('sha256', key).update(data).digest('base64url').slice(0, 32);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export type FormTokenCheck =
  | { ok: true; issuedAt: number; nonce: string }
  | { ok: false; reason: 'invalid' | 'too_fast' | 'expired' };

/**
 * Signed tokens of the public survey, keyed from AUTH_SECRET (a key per purpose):
 *  - form token: which unit, when the form was opened (minimum fill time, limited validity) and a
 *    random nonce: a form is accepted once (the nonce is stored with the response it made);
 *  - device token: a random id the browser keeps, so one device answers once per unit per day. It
 *    is issued with a device's first accepted response (which cost a proof-of-work and a form),
 *    never by opening the page: a device id cannot be had for free.
 * Neither holds anything about the person.
 */
export function createSkmTokens(authSecret: string) {
  const formKey = deriveKey(authSecret, 'skm-form');
  const deviceKey = deriveKey(authSecret, 'skm-device');

  return {
    issueForm(kode: string, now: Date): string {
      const payload = Buffer.from(
        `${kode}|${now.getTime()}|${randomBytes(12).toString('base64url')}`,
      ).toString('base64url');
      return `${payload}.${sign(formKey, payload)}`;
    },

    checkForm(
      token: string,
      kode: string,
      now: Date,
      opts: { minFillSeconds: number; maxAgeSeconds: number },
    ): FormTokenCheck {
      const [payload, sig, extra] = token.split('.');
      if (!payload || !sig || extra !== undefined || !safeEqual(sig, sign(formKey, payload))) {
        return { ok: false, reason: 'invalid' };
      }
      const [tokenKode, iat, nonce] = Buffer.from(payload, 'base64url').toString().split('|');
      const issuedAt = Number(iat);
      if (tokenKode !== kode || !Number.isFinite(issuedAt) || !nonce) return { ok: false, reason: 'invalid' };
      const age = (now.getTime() - issuedAt) / 1000;
      // A token from the future (clock skew of more than a minute) is not ours to trust.
      if (age < -60) return { ok: false, reason: 'invalid' };
      if (age < opts.minFillSeconds) return { ok: false, reason: 'too_fast' };
      if (age > opts.maxAgeSeconds) return { ok: false, reason: 'expired' };
      return { ok: true, issuedAt, nonce };
    },

    /** The nonce of a form token we signed (whatever its age), or null. */
    formNonce(token: string): string | null {
      const [payload, sig, extra] = token.split('.');
      if (!payload || !sig || extra !== undefined || !safeEqual(sig, sign(formKey, payload))) return null;
      return Buffer.from(payload, 'base64url').toString().split('|')[2] || null;
    },

    issueDevice(id: string = randomBytes(16).toString('base64url')): string {
      return `${id}.${sign(deviceKey, id)}`;
    },

    /** The device id, or null when the token is not one we signed. */
    checkDevice(token: string | undefined): string | null {
      if (!token) return null;
      const [id, sig, extra] = token.split('.');
      if (!id || !sig || extra !== undefined || !safeEqual(sig, sign(deviceKey, id))) return null;
      return id;
    },
  };
}
export type SkmTokens = ReturnType<typeof createSkmTokens>;
