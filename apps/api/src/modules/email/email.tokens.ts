import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from '../../lib/keys';

/**
 * The signed links of e-mails, keyed from AUTH_SECRET: confirm an address (for that address, valid
 * a few days) and stop e-mails (of one kind, or all; valid as long as the e-mail is kept). The link
 * is the credential: nobody needs to sign in to stop e-mails.
 */
export type EmailToken =
  | { a: 'konfirmasi'; u: string; e: string; x: number }
  | { a: 'berhenti'; u: string; k: string | null };

export function createEmailTokens(authSecret: string) {
  const key = deriveKey(authSecret, 'email-link');
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
  return {
    sign(t: EmailToken): string {
      const payload = Buffer.from(JSON.stringify(t)).toString('base64url');
      return `${payload}.${mac(payload)}`;
    },
    /** The token's content when its signature holds (and it has not expired), else null. */
    verify(token: string, now: Date): EmailToken | null {
      const [payload, sig] = token.split('.');
      if (!payload || !sig) return null;
      const want = Buffer.from(mac(payload));
      const got = Buffer.from(sig);
      if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
      try {
        const t = JSON.parse(Buffer.from(payload, 'base64url').toString()) as EmailToken;
        if (t.a === 'konfirmasi' && t.x < now.getTime()) return null;
        return t;
      } catch {
        return null;
      }
    },
  };
}
export type EmailTokens = ReturnType<typeof createEmailTokens>;
