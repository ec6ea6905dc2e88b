import type { SkmAltchaChallenge, SkmAltchaPayload } from '@sip/contracts';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';

type Solution = SkmAltchaPayload['solution'];

/**
 * Starts solving the form's proof-of-work at once (while the person reads the questions) in a Web
 * Worker; without workers, on the page itself. Resolves with what the submit sends back.
 */
export function startPow(challenge: SkmAltchaChallenge): Promise<SkmAltchaPayload> {
  const solved = (solution: Solution | null): SkmAltchaPayload => {
    if (!solution) throw new Error('pow-unsolved');
    return { challenge, solution };
  };
  if (typeof Worker === 'function') {
    try {
      const worker = new Worker(new URL('./pow.worker.ts', import.meta.url), { type: 'module' });
      return new Promise<SkmAltchaPayload>((resolve, reject) => {
        worker.onmessage = (e: MessageEvent<{ solution?: Solution | null; error?: string }>) => {
          worker.terminate();
          if (e.data.error) reject(new Error(e.data.error));
          else {
            try {
              resolve(solved(e.data.solution ?? null));
            } catch (err) {
              reject(err);
            }
          }
        };
        worker.onerror = () => {
          worker.terminate();
          solveHere(challenge).then(resolve, reject);
        };
        worker.postMessage(challenge);
      });
    } catch {
      // Fall through: some old browsers cannot start module workers.
    }
  }
  return solveHere(challenge);
}

// Static, not import(): a dynamic import would pull the bundler's preload helper (and the chunk it
// lives in) into this page's budget.
async function solveHere(challenge: SkmAltchaChallenge): Promise<SkmAltchaPayload> {
  const solution = await solveChallenge({ challenge, deriveKey, timeout: 300_000 });
  if (!solution) throw new Error('pow-unsolved');
  return { challenge, solution };
}
