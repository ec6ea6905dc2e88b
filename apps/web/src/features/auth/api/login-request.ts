import type { Me } from '@sip/contracts';

/**
 * Signing in with plain fetch (no zod, no query client), so the light login entry (masuk.html)
 * stays small; the app uses the same call. The API answers in Indonesian, written for a person.
 */
export class LoginError extends Error {
  constructor(
    message: string,
    /** Field messages from a VALIDATION answer, keyed by field name. */
    readonly fields: Record<string, string> = {},
    /** The server could not be reached (no answer at all). */
    readonly network = false,
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; details?: unknown };
}

async function call(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(`/api${path}`, { credentials: 'same-origin', ...init });
  } catch {
    throw new LoginError('', {}, true);
  }
}

async function failure(res: Response, fallback: string): Promise<LoginError> {
  const body = (await res.json().catch(() => null)) as ErrorBody | null;
  const fields: Record<string, string> = {};
  const details = body?.error?.details;
  if (Array.isArray(details)) {
    for (const d of details as { path?: unknown; message?: unknown }[]) {
      if (typeof d?.path === 'string' && typeof d.message === 'string') {
        fields[d.path.replace(/^body\./, '')] ??= d.message;
      }
    }
  }
  return new LoginError(body?.error?.message ?? fallback, fields);
}

/** Logs in; resolves with the user and the CSRF token of the new session. */
export async function requestLogin(
  username: string,
  password: string,
  fallbackMessage: string,
): Promise<{ user: Me; csrfToken: string }> {
  const csrfRes = await call('/auth/csrf', { headers: { accept: 'application/json' } });
  if (!csrfRes.ok) throw await failure(csrfRes, fallbackMessage);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await call('/auth/login', {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': csrfToken },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw await failure(res, fallbackMessage);
  return (await res.json()) as { user: Me; csrfToken: string };
}

/** The signed-in user, or null (not signed in, or the server cannot say). */
export async function currentUser(): Promise<Me | null> {
  try {
    const res = await call('/auth/me', { headers: { accept: 'application/json' } });
    return res.ok ? ((await res.json()) as Me) : null;
  } catch {
    return null;
  }
}
