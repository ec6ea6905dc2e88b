import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestClient, type TestContext } from '../test/helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
});
afterAll(() => ctx?.close());

describe('API conventions', () => {
  it('reports the database state at /api/health', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: { ok: true, driver: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite' },
    });
  });

  it('answers liveness without the database and readiness with it', async () => {
    const live = await ctx.app.inject({ method: 'GET', url: '/api/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    const ready = await ctx.app.inject({ method: 'GET', url: '/api/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ok', database: { ok: true } });
  });

  it('names every request: an id in the answer header and in every error answer; a proxy id is kept when sane', async () => {
    const ok = await ctx.app.inject({ method: 'GET', url: '/api/health/live' });
    expect(ok.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const missing = await ctx.app.inject({
      method: 'GET',
      url: '/api/tidak-ada',
      headers: { 'x-request-id': 'lb-7f3a.42' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['x-request-id']).toBe('lb-7f3a.42');
    expect(missing.json().error.requestId).toBe('lb-7f3a.42');
    const forged = await ctx.app.inject({
      method: 'GET',
      url: '/api/tidak-ada',
      headers: { 'x-request-id': 'x\n{"level":60}'.repeat(10) },
    });
    expect(forged.json().error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(forged.headers['x-request-id']).toBe(forged.json().error.requestId);
  });

  it('serves Prometheus metrics per route pattern to this machine only, or to a bearer of METRICS_TOKEN', async () => {
    await ctx.app.inject({ method: 'GET', url: '/api/wilayah/32.73' });
    const res = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.body).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/wilayah\/:kode",status_code="\d+"\} \d+/,
    );
    expect(res.body).not.toContain('32.73');
    expect(res.body).toMatch(/process_resident_memory_bytes \d+/);
    const remote = await ctx.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.9' });
    expect(remote.statusCode).toBe(403);

    const token = 'rahasia-pemantau-0123456789';
    const withToken = await ctx.variant({ METRICS_TOKEN: token });
    expect((await withToken.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(403);
    const bearer = await withToken.app.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '203.0.113.9',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(bearer.statusCode).toBe(200);
    if (process.env.TEST_DATABASE_URL)
      expect(bearer.body).toMatch(/db_pool_connections\{state="total"\} \d+/);
  });

  it('sends the API security headers on API answers: nothing runs, is framed, sniffed or cached', async () => {
    for (const url of ['/api/health', '/api/tidak-ada', '/api/auth/me']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
  });

  it("sends helmet's page headers, the app's CSP included, on everything else", async () => {
    for (const url of ['/', '/masuk']) {
      const res = await ctx.app.inject({ method: 'GET', url });
      const csp = res.headers['content-security-policy'];
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(res.headers['cross-origin-opener-policy'], url).toBe('same-origin');
    }
    // The API's own documentation is a page too (Swagger UI sets its CSP on top).
    const docs = await ctx.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('behind HTTPS (COOKIE_SECURE) API answers and pages both carry the same HSTS', async () => {
    const secure = await ctx.variant({ COOKIE_SECURE: 'true' });
    try {
      const api = await secure.app.inject({ method: 'GET', url: '/api/health' });
      const page = await secure.app.inject({ method: 'GET', url: '/masuk' });
      expect(api.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(api.headers['strict-transport-security']).toBe(page.headers['strict-transport-security']);
      expect(
        (await ctx.app.inject({ method: 'GET', url: '/api/health' })).headers['strict-transport-security'],
      ).toBeUndefined();
    } finally {
      await secure.close();
    }
  });

  it('serves the OpenAPI document generated from the zod schemas', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/auth/login'].post.requestBody).toBeDefined();
    expect(doc.paths['/api/wilayah/{kode}/anak']).toBeDefined();
  });

  it('refuses oversized bodies with 413 and the one error shape', async () => {
    const client = new TestClient(ctx.app);
    const res = await client.request('POST', '/api/auth/login', {
      username: 'x',
      password: 'y'.repeat(10_000),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('terlalu besar'),
    });
  });

  it('refuses malformed JSON with 400', async () => {
    const client = new TestClient(ctx.app);
    await client.fetchCsrf();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json', 'x-csrf-token': client.csrf! },
      cookies: Object.fromEntries(client.cookies),
      payload: '{"username": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION');
  });

  it('rate-limits API requests per address, but not the web app files', async () => {
    const limited = await ctx.variant({ RATE_LIMIT_PER_MINUTE: '10' });
    try {
      for (let i = 0; i < 15; i++) {
        const page = await limited.app.inject({ method: 'GET', url: '/assets/app.js' });
        expect(page.statusCode).toBe(404);
      }
      const codes: number[] = [];
      for (let i = 0; i < 12; i++)
        codes.push((await limited.app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode);
      expect(codes.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(codes.at(-1)).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('answers unknown API paths with 404 in the error shape', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/tidak-ada' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
  });
});
