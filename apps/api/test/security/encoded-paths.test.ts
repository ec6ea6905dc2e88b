// A guard must judge the path the router routes, not the raw text of the URL: `/ap%69/…` is
// `/api/…` to the router. Every route of the app's own route table is replayed with percent-encoded
// variants of its path, anonymous and without a CSRF token, and must be refused exactly as the plain
// path is, with the API's security headers; the rate limit counts encoded requests too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_MINUTE: '100000' });
});
afterAll(() => ctx?.close());

const sample: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  kode: '32.73.02.1004',
  tahun: '2026',
  code: 'B1.2',
};
/** A concrete URL of a route pattern. */
const concrete = (pattern: string) => pattern.replace(/:([a-zA-Z]+)/g, (_, p: string) => sample[p] ?? 'x');

/** The same path with one character of the given segment percent-encoded. */
function encodedVariants(url: string): string[] {
  const segments = url.split('/');
  const out: string[] = [];
  for (const at of [1, 2]) {
    const seg = segments[at];
    if (!seg || !/^[a-z]/.test(seg)) continue;
    for (const i of [0, seg.length - 1]) {
      const c = seg[i]!;
      const hex = `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
      const copy = [...segments];
      copy[at] = seg.slice(0, i) + (i % 2 ? hex.toUpperCase() : hex) + seg.slice(i + 1);
      out.push(copy.join('/'));
    }
  }
  return out;
}

const headerNames = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'cache-control'];

describe('encoded paths reach the same guards as plain ones', () => {
  it('every API route: same status, same API headers, for every encoded variant', async () => {
    const routes = ctx.app.routeTable.filter(
      (r) => r.url.startsWith('/api') && !r.url.startsWith('/api/docs'),
    );
    expect(routes.length).toBeGreaterThan(50);
    const problems: string[] = [];
    let variants = 0;
    for (const r of routes) {
      const url = concrete(r.url);
      const method = r.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      const payload = method === 'GET' || method === 'DELETE' ? undefined : {};
      const plain = await ctx.app.inject({ method, url, ...(payload ? { payload } : {}) });
      for (const v of encodedVariants(url)) {
        variants++;
        const res = await ctx.app.inject({ method, url: v, ...(payload ? { payload } : {}) });
        if (res.statusCode !== plain.statusCode)
          problems.push(`${method} ${v}: ${res.statusCode}, plain ${url}: ${plain.statusCode}`);
        for (const h of headerNames)
          if (res.headers[h] !== plain.headers[h]) problems.push(`${method} ${v}: header ${h} differs`);
        if (plain.statusCode < 400 && !r.public) problems.push(`${method} ${url}: not refused without login`);
      }
    }
    expect(variants).toBeGreaterThan(100);
    expect(problems).toEqual([]);
  });

  it('a state-changing request on an encoded path without a CSRF token is refused as CSRF', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/ap%69/auth/login',
      payload: { username: 'admin', password: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF');
  });

  it('the rate limit counts encoded requests', async () => {
    const limited = await ctx.variant({ RATE_LIMIT_PER_MINUTE: '10' });
    const urls = ['/%61pi/auth/me', '/ap%69/auth/me', '/api/aut%68/me', '/a%70i/auth/me'];
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push((await limited.app.inject({ method: 'GET', url: urls[i % urls.length]! })).statusCode);
    expect(codes).toEqual([...Array(10).fill(401), 429]);
  });
});
