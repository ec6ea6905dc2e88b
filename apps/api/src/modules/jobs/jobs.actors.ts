import type { AuthRepo } from '../auth/auth.repo';
import type { Actor } from '../authz/authz';
import { type JobOwner, PermanentJobError } from './jobs.runtime';

/**
 * The person a job works for, with his rights as they are when it runs (not when it was queued): a
 * role removed meanwhile is removed for the job too, a deactivated account ends it.
 */
export function createJobActors({ auth }: { auth: Pick<AuthRepo, 'findUserById' | 'rolesOf'> }) {
  return {
    async load(owner: JobOwner, jobId: string, opts: { latihan?: boolean } = {}): Promise<Actor> {
      const user = await auth.findUserById(owner.userId);
      if (!user?.active)
        throw new PermanentJobError('Akun yang memulai pekerjaan ini sudah nonaktif; pekerjaan dihentikan.');
      const roles = await auth.rolesOf(user.id);
      return {
        userId: user.id,
        username: user.username,
        namaLengkap: user.namaLengkap,
        pemdaKode: user.pemdaKode,
        sessionId: `job:${jobId}`,
        roles: roles.map((r) => ({ role: r.role, wilayahKode: r.wilayahKode })),
        mustChangePassword: false,
        ...(opts.latihan ? { latihan: true } : {}),
      };
    },
  };
}
export type JobActors = ReturnType<typeof createJobActors>;
