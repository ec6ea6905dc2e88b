import type { SkmAltchaChallenge, SkmAltchaPayload } from '@sip/contracts';
import { createChallenge, randomInt, verifySolution } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { deriveKey as deriveSecret } from '../../lib/keys';

/**
 * The survey's proof-of-work (ALTCHA, self-hosted: no third-party service, nothing about the
 * person). Deterministic mode: the server picks a secret counter below `maxNumber` and signs the
 * prefix of SHA-256(salt ‖ nonce ‖ counter); the browser tries counters from 0 until it finds it,
 * on average maxNumber / 2 hashes. The challenge names its unit and form nonce in its signed data,
 * so it is good for that form only, and a form is accepted once: a solution cannot be replayed.
 * Expiry is the form token's (the service clock), not altcha's wall-clock `expiresAt`.
 */
export function createSkmPow(authSecret: string, maxNumber: number) {
  const secret = deriveSecret(authSecret, 'skm-altcha');

  return {
    async issue(kode: string, formNonce: string): Promise<SkmAltchaChallenge> {
      const c = await createChallenge({
        algorithm: 'SHA-256',
        cost: 1,
        counter: randomInt(maxNumber),
        deriveKey,
        hmacSignatureSecret: secret,
        data: { unit: kode, form: formNonce },
      });
      return c as SkmAltchaChallenge;
    },

    /** True when the payload solves a challenge we signed for this unit and form. */
    async verify(payload: SkmAltchaPayload, kode: string, formNonce: string): Promise<boolean> {
      const data = payload.challenge.parameters.data;
      if (data?.unit !== kode || data?.form !== formNonce) return false;
      try {
        const r = await verifySolution({
          challenge: payload.challenge,
          solution: payload.solution,
          deriveKey,
          hmacSignatureSecret: secret,
        });
        return r.verified;
      } catch {
        return false;
      }
    },
  };
}
export type SkmPow = ReturnType<typeof createSkmPow>;
