/// <reference lib="webworker" />
// Solves the survey's ALTCHA proof-of-work off the main thread, so the form stays responsive on a
// cheap phone while the person answers. Self-hosted: the challenge comes from our own API.
import type { SkmAltchaChallenge } from '@sip/contracts';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';

self.onmessage = async (e: MessageEvent<SkmAltchaChallenge>) => {
  try {
    const solution = await solveChallenge({ challenge: e.data, deriveKey, timeout: 300_000 });
    self.postMessage({ solution });
  } catch (err) {
    self.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};
