import { BACKGROUND_REQUEST_HEADER, csrfResponseSchema, loginResponseSchema } from '@sip/contracts';
import type { z } from 'zod';
import { ApiError, errorOf, send as fetchOnce, type HttpMessages, readJson } from './http';
import { i18next } from './i18n/i18n';

/** The text to show for any thrown value; never a stack trace or "[object Object]". */
export function errorMessage(error: unknown): string {
  // A server fault: the request's id lets the admin find it in the server's log.
  if (error instanceof ApiError && error.status >= 500 && error.requestId)
    return `${error.message} ${i18next.t('errors.requestId', { id: error.requestId })}`;
  if (error instanceof ApiError) return error.message;
  return i18next.t('errors.unknown');
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type QueryValue = string | number | undefined | null;

export interface RequestOptions<S extends z.ZodType> {
  schema: S;
  method?: Method;
  /** JSON, or FormData for a file upload (multipart, sent as is). */
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /**
   * 'required' (default): a 401 refreshes the session once, then ends it.
   * 'optional': as required, but a failed refresh only rejects (used to ask "who is logged in?").
   * 'none': login and refresh themselves; a 401 is just an answer.
   */
  auth?: 'required' | 'optional' | 'none';
  /**
   * A request the app makes by itself (polling): marked so that the server does not count it as the
   * person's activity, and a tab left open still reaches the idle timeout.
   */
  background?: boolean;
}

let csrfToken: string | null = null;
let csrfRequest: Promise<string> | null = null;
let refreshRequest: Promise<boolean> | null = null;
/** Why the server ended the session: 'idle' when SESSION_IDLE_MINUTES passed without a request. */
export type SessionEndReason = 'idle' | 'ended';
let sessionExpiredHandler: (reason: SessionEndReason) => void = () => {};
let lastRefreshFailure: SessionEndReason = 'ended';

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The app decides what "session ended" means (clear the user, go to the login page). */
export function onSessionExpired(handler: (reason: SessionEndReason) => void) {
  sessionExpiredHandler = handler;
}

function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `/api${path}${qs ? `?${qs}` : ''}`;
}

const messages = (): HttpMessages => ({
  network: i18next.t('errors.network'),
  unknown: i18next.t('errors.unknown'),
});

function send(
  method: Method,
  url: string,
  body: unknown,
  signal?: AbortSignal,
  background = false,
): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (background) headers[BACKGROUND_REQUEST_HEADER] = '1';
  const isForm = body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return fetchOnce(
    url,
    {
      method,
      headers,
      body: body === undefined ? null : isForm ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal: signal ?? null,
    },
    messages(),
  );
}

const toApiError = (res: Response) => errorOf(res, messages());

function ensureCsrf(): Promise<string> {
  if (csrfToken) return Promise.resolve(csrfToken);
  csrfRequest ??= (async () => {
    const res = await send('GET', buildUrl('/auth/csrf'), undefined);
    if (!res.ok) throw await toApiError(res);
    const parsed = csrfResponseSchema.safeParse(await readJson(res));
    if (!parsed.success)
      throw new ApiError(res.status, 'INVALID_RESPONSE', i18next.t('errors.invalidResponse'));
    csrfToken = parsed.data.csrfToken;
    return csrfToken;
  })().finally(() => {
    csrfRequest = null;
  });
  return csrfRequest;
}

/**
 * One refresh for all requests that got a 401 at the same moment. Marked background when a
 * background request caused it; a person's request that shares it counts when it is sent again.
 */
function refreshSession(background: boolean): Promise<boolean> {
  refreshRequest ??= (async () => {
    try {
      await ensureCsrf();
      const res = await send('POST', buildUrl('/auth/refresh'), undefined, undefined, background);
      if (!res.ok) {
        const error = await toApiError(res);
        const details = error.details as { reason?: unknown } | undefined;
        lastRefreshFailure = details?.reason === 'SESSION_IDLE' ? 'idle' : 'ended';
        return false;
      }
      const parsed = loginResponseSchema.safeParse(await readJson(res));
      if (parsed.success) csrfToken = parsed.data.csrfToken;
      return parsed.success;
    } catch {
      return false;
    }
  })().finally(() => {
    refreshRequest = null;
  });
  return refreshRequest;
}

export async function apiRequest<S extends z.ZodType>(
  path: string,
  options: RequestOptions<S>,
): Promise<z.infer<S>> {
  const { schema, method = 'GET', body, query, signal, auth = 'required', background = false } = options;
  const url = buildUrl(path, query);
  const isMutation = method !== 'GET';

  if (isMutation) await ensureCsrf();
  let res = await send(method, url, body, signal, background);

  if (isMutation && res.status === 403 && (await toApiError(res)).code === 'CSRF') {
    csrfToken = null;
    await ensureCsrf();
    res = await send(method, url, body, signal, background);
  }

  if (res.status === 401 && auth !== 'none') {
    if (await refreshSession(background)) {
      res = await send(method, url, body, signal, background);
    }
    if (res.status === 401) {
      const error = await toApiError(res);
      if (auth === 'required') sessionExpiredHandler(lastRefreshFailure);
      throw error;
    }
  }

  if (!res.ok) throw await toApiError(res);

  const parsed = schema.safeParse(await readJson(res));
  if (!parsed.success) {
    throw new ApiError(
      res.status,
      'INVALID_RESPONSE',
      i18next.t('errors.invalidResponse'),
      parsed.error.issues,
    );
  }
  return parsed.data;
}
