// Whose address the rate limits and the audit log see. A client must not choose his own by
// sending X-Forwarded-For: the app believes the header only from the proxy in front of it
// (TRUST_PROXY), and the production compose puts that proxy in front as the only way in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../../src/config/env';
import { auditLog } from '../../src/db/schema/audit';
import { createTestApp, TestClient, type TestContext } from '../helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
});
afterAll(() => ctx?.close());

/** A failed login from `socket` with the given X-Forwarded-For; answers the address it was audited under. */
async function auditedAddress(app: TestContext, socket: string, forwardedFor: string) {
  const username = `tak-dikenal-${Math.random().toString(36).slice(2)}`;
  const client = new TestClient(app.app, socket);
  const res = await client.request(
    'POST',
    '/api/auth/login',
    { username, password: 'Salah-sandi-123' },
    { headers: { 'x-forwarded-for': forwardedFor } },
  );
  expect(res.statusCode).toBe(401);
  const [row] = await app.database.db
    .select({ ip: auditLog.ip })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'auth.login_failed'), sql`${auditLog.after}->>'username' = ${username}`));
  return row?.ip;
}

describe('the client address', () => {
  it('without a trusted proxy is the socket address, whatever X-Forwarded-For says', async () => {
    expect(await auditedAddress(ctx, '203.0.113.9', '198.51.100.66')).toBe('203.0.113.9');
  });

  it('behind the trusted proxy is what the proxy saw, not what the client wrote before it', async () => {
    const behindProxy = await ctx.variant({ TRUST_PROXY: '10.0.0.2' });
    // The proxy (10.0.0.2) appends the address it saw to whatever the client sent.
    expect(await auditedAddress(behindProxy, '10.0.0.2', '198.51.100.66, 203.0.113.9')).toBe('203.0.113.9');
  });

  it('with the proxy named by address, a client that skips the proxy cannot choose his own', async () => {
    const named = await ctx.variant({ TRUST_PROXY: '10.0.0.0/8' });
    expect(await auditedAddress(named, '10.0.0.2', '203.0.113.9')).toBe('203.0.113.9');
    expect(await auditedAddress(named, '203.0.113.50', '198.51.100.66')).toBe('203.0.113.50');
  });
});

describe('the production deployment', () => {
  const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8')) as {
    services: Record<
      string,
      {
        environment?: Record<string, string>;
        ports?: unknown[];
        volumes?: string[];
        networks?: Record<string, { ipv4_address?: string }>;
      }
    >;
  };
  const dockerfile = readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');

  it('never trusts X-Forwarded-For on a port anyone can reach', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      const trust = String(service.environment?.TRUST_PROXY ?? 'false');
      if (['', 'false', '0', 'no', 'off'].includes(trust)) continue;
      expect(service.ports, `${name} trusts X-Forwarded-For and publishes a port`).toBeUndefined();
      expect(trust, `${name} trusts every hop`).not.toMatch(/^(true|yes|on)$/i);
    }
    // Only the proxy is reachable from outside; a port bound to this machine only (the mail
    // catcher's web view) is no way in.
    const outside = Object.entries(compose.services).filter(([, s]) =>
      (s.ports ?? []).some((p) => !String(p).startsWith('127.0.0.1:')),
    );
    expect(outside.map(([name]) => name)).toEqual(['proxy']);
  });

  it("trusts exactly the proxy's fixed address", () => {
    const proxyAddresses = Object.values(compose.services.proxy?.networks ?? {}).map((n) => n.ipv4_address);
    expect(proxyAddresses).toHaveLength(1);
    expect(compose.services.app?.environment?.TRUST_PROXY).toBe(proxyAddresses[0]);
  });

  it('keeps uploads in a volume the app user can write', () => {
    const dataDir = /ENV DATA_DIR=(\S+)/.exec(dockerfile)?.[1];
    expect(dataDir).toBeDefined();
    expect(compose.services.app?.volumes?.some((v) => v.endsWith(`:${dataDir}`))).toBe(true);
    const user = /^USER (\S+)/m.exec(dockerfile)?.[1];
    expect(dockerfile).toContain(`chown -R ${user}:${user} ${dataDir}`);
  });
});
