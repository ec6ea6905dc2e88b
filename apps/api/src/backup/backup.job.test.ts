import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loggedIn, type TestClient, type TestContext } from '../../test/helpers';
import { finishedJob } from '../../test/jobs';
import type { Clock } from '../lib/clock';

let ctx: TestContext;
let admin: TestClient;
const dir = mkdtempSync(path.join(tmpdir(), 'sip-backups-'));
// Each run one minute after the last, so each archive gets its own dated name.
let minutes = 0;
const clock: Clock = { now: () => new Date(Date.UTC(2026, 11, 3, 1, 30 + minutes)) };

beforeAll(async () => {
  ctx = await createTestApp({ BACKUP_DIR: dir, BACKUP_KEEP: '2' }, { clock });
  admin = (await loggedIn(ctx, 'admin', '32.73')).client;
});
afterAll(async () => {
  await ctx?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('scheduled backups', () => {
  it('writes a whole dated archive per run and keeps the newest BACKUP_KEEP', async () => {
    // A run killed midway left a part: it never counts as an archive.
    writeFileSync(path.join(dir, 'sip-cadangan-20261203-010000.tar.gz.part'), 'setengah');
    const names: string[] = [];
    for (let i = 0; i < 3; i++) {
      minutes = i;
      const done = await finishedJob(admin, await ctx.app.jobs.send('backup.scheduled', {}), 60_000);
      expect(done, done.error ?? '').toMatchObject({ state: 'completed', createdBy: null });
      expect(done.counts!.baris).toBeGreaterThan(100);
      expect(done.counts!.arsip).toBe(i < 2 ? 0 : 1);
      expect(done.file).toBeNull();
      names.push(`sip-cadangan-20261203-01${30 + i}00.tar.gz`);
    }
    const archives = readdirSync(dir)
      .filter((n) => n.endsWith('.tar.gz'))
      .sort();
    expect(archives).toEqual(names.slice(1));
    expect(existsSync(path.join(dir, `${names[2]}.part`))).toBe(false);
  }, 120_000);
});
