import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/** RFC 6238 defaults every authenticator app understands: SHA-1, 6 digits, 30-second steps. */
const PERIOD = 30;
const ISSUER = 'SIP Kinerja Kewilayahan';

export const newTotpSecret = () => new Secret({ size: 20 }).base32;

const totpOf = (secret: string, label: string) =>
  new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret), digits: 6, period: PERIOD });

/** The `otpauth://` URI an authenticator app reads from the QR code. */
export const totpUri = (secret: string, username: string) => totpOf(secret, username).toString();

/** The code an authenticator shows at `at` (for tests and the enrolment check). */
export const totpCode = (secret: string, at: Date) =>
  totpOf(secret, 'x').generate({ timestamp: at.getTime() });

/**
 * The 30-second step the code belongs to (one step either side is allowed for a phone's clock
 * drift), or null when it is wrong. The caller refuses a step not newer than the last one used,
 * so an observed code cannot be replayed.
 */
export function totpStep(secret: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpOf(secret, 'x').validate({ token: code, timestamp: at.getTime(), window: 1 });
  if (delta === null) return null;
  return Math.floor(at.getTime() / 1000 / PERIOD) + delta;
}

/** Ten recovery codes of 10 characters (`xxxxx-xxxxx`, no look-alike characters), ~50 bits each. */
export function newRecoveryCodes(count = 10): string[] {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return Array.from({ length: count }, () => {
    let out = '';
    while (out.length < 10) {
      for (const b of randomBytes(16)) {
        // Rejection sampling keeps every character equally likely.
        if (b >= 256 - (256 % alphabet.length)) continue;
        out += alphabet[b % alphabet.length];
        if (out.length === 10) break;
      }
    }
    return `${out.slice(0, 5)}-${out.slice(5)}`;
  });
}

/** How a recovery code is typed does not matter: case, spaces and the dash are ignored. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Random codes need no slow hash: SHA-256 of the normalised code. */
export const hashRecoveryCode = (code: string) =>
  createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
