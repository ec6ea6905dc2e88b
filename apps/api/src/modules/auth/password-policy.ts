import { checkPasswordStrength, personalInputs } from '@sip/contracts/password-strength';
import { AppError } from '../../lib/errors';

export interface PasswordOwner {
  username: string;
  namaLengkap?: string | null;
  nip?: string | null;
}

/**
 * The server's verdict on a new password (issue 15, finding 9): zxcvbn-ts with Indonesian words, the
 * common-password list and the person's own data, at least `minScore` (PASSWORD_MIN_SCORE). The
 * browser shows the same estimate while typing; this is the one that counts.
 */
export function createPasswordPolicy({ minScore }: { minScore: number }) {
  return {
    minScore,
    /** Indonesian problems; empty when the password may be used. */
    async problems(password: string, owner: PasswordOwner): Promise<string[]> {
      const inputs = personalInputs(owner.username, owner.namaLengkap, owner.nip);
      return (await checkPasswordStrength(password, { minScore, userInputs: inputs })).problems;
    },
    /** 400 VALIDATION naming what is wrong, on the field `path`. */
    async assertStrong(password: string, owner: PasswordOwner, path = 'newPassword'): Promise<void> {
      const problems = await this.problems(password, owner);
      if (problems.length === 0) return;
      throw new AppError(
        'VALIDATION',
        problems[0] ?? 'Kata sandi terlalu lemah.',
        problems.map((message) => ({ path, message })),
      );
    },
  };
}
export type PasswordPolicy = ReturnType<typeof createPasswordPolicy>;
