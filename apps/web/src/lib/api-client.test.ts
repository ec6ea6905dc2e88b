import { BACKGROUND_REQUEST_HEADER, okResponseSchema } from '@sip/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The client keeps the CSRF token and the refresh in flight in module state: a fresh module per test.
let client: typeof import('./api-client');
let http: typeof import('./http');

type Handler = (init: RequestInit) => Response | Promise<Response>;
interface Call {
  method: string;
  path: string;
  csrf: string | undefined;
  background: boolean;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const apiError = (status: number, code: string, message: string) =>
  json(status, { error: { code, message } });
const me = {
  id: 'u1',
  username: 'lurah.dago',
  namaLengkap: 'Lurah Dago',
  nip: null,
  mustChangePassword: false,
  roles: [],
  totpEnabled: false,
  mustEnrolTotp: false,
  sessionIdleMinutes: 480,
  passwordMinScore: 3,
  zona: 'Asia/Jakarta',
};

/** A fake server: per "METHOD /path", a list of answers given in turn (the last one repeats). */
function serve(routes: Record<string, Handler[]>) {
  const calls: Call[] = [];
  const counts: Record<string, number> = {};
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const path = new URL(String(input), 'http://localhost').pathname;
    const headers = (init.headers ?? {}) as Record<string, string>;
    calls.push({
      method,
      path,
      csrf: headers['x-csrf-token'],
      background: headers[BACKGROUND_REQUEST_HEADER] === '1',
    });
    const key = `${method} ${path}`;
    const answers = routes[key];
    if (!answers) throw new Error(`unexpected ${key}`);
    const n = counts[key] ?? 0;
    counts[key] = n + 1;
    const answer = answers[Math.min(n, answers.length - 1)];
    if (!answer) throw new Error(`no answer for ${key}`);
    return answer(init);
  });
  vi.stubGlobal('fetch', fetchStub);
  return { calls, sent: (key: string) => calls.filter((c) => `${c.method} ${c.path}` === key) };
}

beforeEach(async () => {
  vi.resetModules();
  client = await import('./api-client');
  http = await import('./http');
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiRequest', () => {
  it('answers with the parsed body', async () => {
    serve({ 'GET /api/ping': [() => json(200, { ok: true })] });
    await expect(client.apiRequest('/ping', { schema: okResponseSchema })).resolves.toEqual({ ok: true });
  });

  it('after a 403 CSRF, fetches a new token once and sends the request again with it', async () => {
    let token = 0;
    const server = serve({
      'GET /api/auth/csrf': [() => json(200, { csrfToken: `t${++token}` })],
      'POST /api/laporan': [
        () => apiError(403, 'CSRF', 'Token CSRF tidak valid.'),
        () => json(200, { ok: true }),
      ],
    });

    await expect(
      client.apiRequest('/laporan', { method: 'POST', body: {}, schema: okResponseSchema }),
    ).resolves.toEqual({ ok: true });

    expect(server.sent('POST /api/laporan').map((c) => c.csrf)).toEqual(['t1', 't2']);
    expect(server.sent('GET /api/auth/csrf')).toHaveLength(2);
  });

  it('gives up after the second CSRF refusal instead of looping', async () => {
    const server = serve({
      'GET /api/auth/csrf': [() => json(200, { csrfToken: 't' })],
      'POST /api/laporan': [() => apiError(403, 'CSRF', 'Token CSRF tidak valid.')],
    });

    const error = await client
      .apiRequest('/laporan', { method: 'POST', body: {}, schema: okResponseSchema })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(http.ApiError);
    expect(error).toMatchObject({ status: 403, code: 'CSRF', message: 'Token CSRF tidak valid.' });
    expect(server.sent('POST /api/laporan')).toHaveLength(2);
  });

  it('shares one session refresh among requests that got a 401 together, then sends each again', async () => {
    let refreshed = false;
    const server = serve({
      'GET /api/auth/csrf': [() => json(200, { csrfToken: 'old' })],
      'POST /api/auth/refresh': [
        () => {
          refreshed = true;
          return json(200, { user: me, csrfToken: 'new' });
        },
      ],
      'GET /api/a': [
        () => (refreshed ? json(200, { ok: true }) : apiError(401, 'UNAUTHENTICATED', 'Sesi berakhir.')),
      ],
      'GET /api/b': [
        () => (refreshed ? json(200, { ok: true }) : apiError(401, 'UNAUTHENTICATED', 'Sesi berakhir.')),
      ],
    });
    const expired = vi.fn();
    client.onSessionExpired(expired);

    const answers = await Promise.all([
      client.apiRequest('/a', { schema: okResponseSchema }),
      client.apiRequest('/b', { schema: okResponseSchema }),
    ]);

    expect(answers).toEqual([{ ok: true }, { ok: true }]);
    expect(server.sent('POST /api/auth/refresh')).toHaveLength(1);
    expect(server.sent('GET /api/a')).toHaveLength(2);
    expect(server.sent('GET /api/b')).toHaveLength(2);
    expect(expired).not.toHaveBeenCalled();
  });

  it('ends the session when the refresh fails and the request needs a user', async () => {
    serve({
      'GET /api/auth/csrf': [() => json(200, { csrfToken: 't' })],
      'POST /api/auth/refresh': [() => apiError(401, 'UNAUTHENTICATED', 'Sesi berakhir.')],
      'GET /api/laporan/1': [() => apiError(401, 'UNAUTHENTICATED', 'Sesi berakhir.')],
    });
    const expired = vi.fn();
    client.onSessionExpired(expired);

    await expect(client.apiRequest('/laporan/1', { schema: okResponseSchema })).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
    expect(expired).toHaveBeenCalledTimes(1);
    expect(expired).toHaveBeenCalledWith('ended');
  });

  it('says the session ended for inactivity when the server refused the refresh as idle', async () => {
    serve({
      'GET /api/auth/csrf': [() => json(200, { csrfToken: 't' })],
      'POST /api/auth/refresh': [
        () =>
          json(401, {
            error: {
              code: 'UNAUTHENTICATED',
              message: 'Sesi berakhir karena tidak aktif. Silakan masuk kembali.',
              details: { reason: 'SESSION_IDLE' },
            },
          }),
      ],
      'GET /api/laporan/1': [() => apiError(401, 'UNAUTHENTICATED', 'Sesi berakhir.')],
    });
    const expired = vi.fn();
    client.onSessionExpired(expired);
    await expect(client.apiRequest('/laporan/1', { schema: okResponseSchema })).rejects.toMatchObject({
      status: 401,
    });
    expect(expired).toHaveBeenCalledWith('idle');
  });

  it('marks a background request, and the refresh it causes, so the server does not count them as activity', async () => {
    let refreshed = false;
    const server = serve({
      'GET /api/auth/csrf': [() => json(200, { csrfToken: 't' })],
      'POST /api/auth/refresh': [
        () => {
          refreshed = true;
          return json(200, { user: me, csrfToken: 'n' });
        },
      ],
      'GET /api/notifications/unread-count': [
        () => (refreshed ? json(200, { ok: true }) : apiError(401, 'UNAUTHENTICATED', 'Sesi berakhir.')),
      ],
      'GET /api/laporan/1': [() => json(200, { ok: true })],
    });

    await client.apiRequest('/notifications/unread-count', { schema: okResponseSchema, background: true });
    await client.apiRequest('/laporan/1', { schema: okResponseSchema });

    expect(server.sent('GET /api/notifications/unread-count').map((c) => c.background)).toEqual([true, true]);
    expect(server.sent('POST /api/auth/refresh').map((c) => c.background)).toEqual([true]);
    expect(server.sent('GET /api/laporan/1').map((c) => c.background)).toEqual([false]);
  });

  it('goes to the idle ending when the server refuses the refresh of a poll as idle', async () => {
    serve({
      'GET /api/auth/csrf': [() => json(200, { csrfToken: 't' })],
      'POST /api/auth/refresh': [
        () =>
          json(401, {
            error: {
              code: 'UNAUTHENTICATED',
              message: 'Sesi berakhir karena tidak aktif. Silakan masuk kembali.',
              details: { reason: 'SESSION_IDLE' },
            },
          }),
      ],
      'GET /api/notifications/unread-count': [() => apiError(401, 'UNAUTHENTICATED', 'Sesi berakhir.')],
    });
    const expired = vi.fn();
    client.onSessionExpired(expired);
    await expect(
      client.apiRequest('/notifications/unread-count', { schema: okResponseSchema, background: true }),
    ).rejects.toMatchObject({ status: 401 });
    expect(expired).toHaveBeenCalledWith('idle');
  });

  it('only rejects when the refresh fails for an optional user ("who is logged in?")', async () => {
    serve({
      'GET /api/auth/csrf': [() => json(200, { csrfToken: 't' })],
      'POST /api/auth/refresh': [() => apiError(401, 'UNAUTHENTICATED', 'Sesi berakhir.')],
      'GET /api/auth/me': [() => apiError(401, 'UNAUTHENTICATED', 'Sesi berakhir.')],
    });
    const expired = vi.fn();
    client.onSessionExpired(expired);

    await expect(
      client.apiRequest('/auth/me', { schema: okResponseSchema, auth: 'optional' }),
    ).rejects.toMatchObject({ status: 401 });
    expect(expired).not.toHaveBeenCalled();
  });

  it("turns an error answer into an ApiError with the API's own message", async () => {
    serve({ 'GET /api/wilayah/99': [() => apiError(404, 'NOT_FOUND', 'Wilayah tidak ditemukan.')] });

    const error = await client
      .apiRequest('/wilayah/99', { schema: okResponseSchema })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(http.ApiError);
    expect(error).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'Wilayah tidak ditemukan.' });
    expect(client.errorMessage(error)).toBe('Wilayah tidak ditemukan.');
  });

  it('a server fault names its request id, for the admin to find it in the log', async () => {
    serve({
      'GET /api/rapor/2026/analitik': [
        () =>
          json(500, {
            error: { code: 'INTERNAL', message: 'Terjadi kesalahan pada server.', requestId: 'req-42' },
          }),
      ],
    });
    const error = await client
      .apiRequest('/rapor/2026/analitik', { schema: okResponseSchema })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500, code: 'INTERNAL', requestId: 'req-42' });
    expect(client.errorMessage(error)).toBe('Terjadi kesalahan pada server. (Kode permintaan: req-42)');
  });

  it('turns an answer without the error shape into HTTP_ERROR with its status and a readable message', async () => {
    serve({ 'GET /api/rapor': [() => new Response('<html>Bad Gateway</html>', { status: 502 })] });

    const error = await client.apiRequest('/rapor', { schema: okResponseSchema }).catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 502, code: 'HTTP_ERROR' });
    expect(client.errorMessage(error)).toBe('Terjadi kesalahan yang tidak terduga. Coba lagi.');
  });

  it('turns an answer it cannot read into INVALID_RESPONSE', async () => {
    serve({
      'GET /api/a': [() => new Response('bukan json', { status: 200 })],
      'GET /api/b': [() => json(200, { ok: 'ya' })],
    });

    for (const path of ['/a', '/b']) {
      await expect(client.apiRequest(path, { schema: okResponseSchema })).rejects.toMatchObject({
        code: 'INVALID_RESPONSE',
        message: 'Jawaban server tidak dapat dibaca. Coba lagi beberapa saat lagi.',
      });
    }
  });

  it('turns no answer at all into NETWORK', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    await expect(client.apiRequest('/a', { schema: okResponseSchema })).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK',
      message: 'Tidak dapat terhubung ke server. Periksa koneksi internet Anda lalu coba lagi.',
    });
  });
});
