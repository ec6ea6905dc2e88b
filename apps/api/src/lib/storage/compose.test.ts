import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig, repoRoot } from '../../config/env';

/**
 * docker-compose.yml's object storage, checked without a Docker engine: the app's S3 settings (as
 * compose fills them in) pass the app's own configuration, name the MinIO service, and the app waits
 * for the step that creates that bucket and the app's key.
 */

interface Service {
  image?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  ports?: unknown[];
  expose?: string[];
  command?: string[] | string;
}
const compose = parse(readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, Service>;
};

/** Compose's interpolation: ${X}, ${X:-default}, ${X:?error}, and $$ for a literal $. */
function interpolate(value: string, env: Record<string, string>): string {
  return value
    .replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, name: string, op?: string, arg?: string) => {
      const v = env[name];
      if (v) return v;
      if (op === '?') throw new Error(`${name}: ${arg}`);
      return op === '-' ? (arg ?? '') : '';
    })
    .replaceAll('$$', '$');
}
const environmentOf = (service: Service, env: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([k, v]) => [k, interpolate(String(v), env)]),
  );

const operator = {
  AUTH_SECRET: 'r'.repeat(40),
  POSTGRES_PASSWORD: 'pg-rahasia',
  MINIO_ROOT_PASSWORD: 'minio-root-rahasia',
  S3_SECRET_ACCESS_KEY: 'kunci-aplikasi-rahasia',
};

describe('docker-compose.yml: MinIO for stored files', () => {
  const { app, minio, 'minio-init': init } = compose.services;

  it('gives the app an S3 configuration that its own settings accept, pointing at the MinIO service', () => {
    const config = loadConfig(environmentOf(app!, operator));
    expect(config.s3).toMatchObject({
      endpoint: 'http://minio:9000',
      bucket: 'sip-berkas',
      forcePathStyle: true,
      credentials: { accessKeyId: 'sip-app', secretAccessKey: operator.S3_SECRET_ACCESS_KEY },
    });
    expect(minio?.image).toMatch(/minio\/minio:RELEASE\./);
    expect(minio?.expose).toContain('9000');
    // Only the proxy publishes a port.
    expect(minio?.ports).toBeUndefined();
  });

  it('refuses to start without the secrets, naming them', () => {
    for (const missing of ['MINIO_ROOT_PASSWORD', 'S3_SECRET_ACCESS_KEY']) {
      const env: Record<string, string> = { ...operator };
      delete env[missing];
      expect(() => [init, app, minio].map((s) => environmentOf(s!, env))).toThrow(new RegExp(missing));
    }
  });

  it('starts the app after the bucket and its key exist, the same bucket and key', () => {
    expect(app?.depends_on?.['minio-init']).toEqual({ condition: 'service_completed_successfully' });
    expect(init?.depends_on?.minio).toEqual({ condition: 'service_healthy' });
    expect(init?.image).toMatch(/minio\/mc:RELEASE\./);
    const appEnv = environmentOf(app!, operator);
    const initEnv = environmentOf(init!, operator);
    for (const key of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'])
      expect(initEnv[key], key).toBe(appEnv[key]);
    const script = interpolate([init?.command ?? []].flat().join('\n'), {});
    expect(script).toContain('mc mb --ignore-existing "sip/$S3_BUCKET"');
    expect(script).toContain('mc admin user add sip "$S3_ACCESS_KEY_ID" "$S3_SECRET_ACCESS_KEY"');
    expect(script).toContain('arn:aws:s3:::$S3_BUCKET/*');
  });
});
