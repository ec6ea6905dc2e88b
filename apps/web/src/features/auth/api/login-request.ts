import type { Me } from '@sip/contracts';
import { errorOf, type HttpMessages, readJson, send } from '@/lib/http';

// Signing in with plain fetch (no zod, no query client), so the light login entry (masuk.html)
// stays small; the app uses the same call. The API answers in Indonesian, written for a person.

const init = (extra: RequestInit = {}): RequestInit => ({
  credentials: 'same-origin',
  ...extra,
  headers: { accept: 'application/json', ...extra.headers },
});

/** Logs in; resolves with the user and the CSRF token of the new session, or rejects with an ApiError. */
export async function requestLogin(
  username: string,
  password: string,
  messages: HttpMessages,
): Promise<{ user: Me; csrfToken: string }> {
  const csrfRes = await send('/api/auth/csrf', init(), messages);
  if (!csrfRes.ok) throw await errorOf(csrfRes, messages);
  const { csrfToken } = (await readJson(csrfRes)) as { csrfToken: string };
  const res = await send(
    '/api/auth/login',
    init({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ username, password }),
    }),
    messages,
  );
  if (!res.ok) throw await errorOf(res, messages);
  return (await readJson(res)) as { user: Me; csrfToken: string };
}

/** The signed-in user, or null (not signed in, or the server cannot say). */
export async function currentUser(): Promise<Me | null> {
  try {
    const res = await fetch('/api/auth/me', init());
    return res.ok ? ((await res.json()) as Me) : null;
  } catch {
    return null;
  }
}
