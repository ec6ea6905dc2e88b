import type { SkmAltchaChallenge } from '@sip/contracts';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { createSkmPow } from '../src/modules/skm/skm.pow';
import { createSkmTokens } from '../src/modules/skm/skm.tokens';
import { TEST_SECRET } from './helpers';

const tokens = createSkmTokens(TEST_SECRET);
// The server checks a solution against its own signature, not against its difficulty setting: a
// test signs an easy challenge with the test secret instead of spending the production default.
const pow = createSkmPow(TEST_SECRET, 50);

/** What the browser's Web Worker does: solve a challenge the server issued with the form. */
export async function solveSkm(challenge: SkmAltchaChallenge) {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('SKM proof-of-work not solved');
  return { challenge, solution };
}

/**
 * A form token issued at `issuedAt` and its solved proof-of-work, as a visitor who opened the page
 * then would send them (no device token: a first visit).
 */
export async function signedSkmForm(kode: string, issuedAt: Date) {
  const formToken = tokens.issueForm(kode, issuedAt);
  return { formToken, altcha: await solveSkm(await pow.issue(kode, tokens.formNonce(formToken) as string)) };
}
