import type { Bantuan, Me } from '@sip/contracts';
import { errorOf, type HttpMessages, readJson, send } from '@/lib/http';

// Signing in with plain fetch (no zod, no query client), so the light login entry (masuk.html)
// stays small; the app uses the same call. The API answers in Indonesian, written for a person.

const init = (extra: RequestInit = {}): RequestInit => ({
  credentials: 'same-origin',
  ...extra,
  headers: { accept: 'application/json', ...extra.headers },
});

export type LoginStep =
  | { user: Me; csrfToken: string }
  /** The password was right and the account has a second factor: send a code with this challenge. */
  | { totpRequired: true; challenge: string; csrfToken: string };

/** The second step: the challenge of the password step and a TOTP or recovery code. */
export async function requestLoginTotp(
  challenge: string,
  code: string,
  csrfToken: string,
  messages: HttpMessages,
): Promise<{ user: Me; csrfToken: string }> {
  const res = await send(
    '/api/auth/login/totp',
    init({
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ challenge, code }),
    }),
    messages,
  );
  if (!res.ok) throw await errorOf(res, messages);
  return (await readJson(res)) as { user: Me; csrfToken: string };
}

/** Logs in; resolves with the session (or a second-factor challenge), or rejects with an ApiError. */
export async function requestLogin(
  username: string,
  password: string,
  messages: HttpMessages,
): Promise<LoginStep> {
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
  return (await readJson(res)) as LoginStep;
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

/** The pemda's helpdesk for the login page, or null when it is not set or cannot be read. */
export async function bantuanContact(pemda: string): Promise<Bantuan | null> {
  try {
    const res = await fetch(`/api/public/bantuan?pemda=${encodeURIComponent(pemda)}`, init());
    if (!res.ok) return null;
    const bantuan = (await res.json()) as Bantuan;
    return bantuan.diisi ? bantuan : null;
  } catch {
    return null;
  }
}
