import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

const openFromAnotherProcess = (dir: string) =>
  new Promise<{ code: number; out: string }>((resolve) => {
    const script = path.join(import.meta.dirname, '../../test/fixtures/open-db.ts');
    execFile(
      process.execPath,
      ['--import', 'tsx', script, dir],
      { cwd: path.join(import.meta.dirname, '../..') },
      (err, stdout) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: stdout }),
    );
  });

import { createDatabase, DatabaseLockedError } from './client';
import { wilayah } from './schema/wilayah';

describe('PGlite data folder', () => {
  it('persists, and refuses a second opener while the first holds the folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sip-db-'));
    try {
      const first = await createDatabase({ dataDir: dir });
      await first.migrate();
      await expect(createDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DatabaseLockedError);
      const other = await openFromAnotherProcess(dir);
      expect(other.code).toBe(3);
      expect(other.out).toMatch(/in use by another process \(pid \d+\)/);
      await first.db.execute(
        sql`insert into wilayah (kode, nama, level) values ('32', 'JAWA BARAT', 'provinsi')`,
      );
      await first.close();
      expect((await openFromAnotherProcess(dir)).out).toContain('opened');
      // Once closed, the folder opens again and the data is still there.
      const second = await createDatabase({ dataDir: dir });
      const rows = await second.db.select({ n: count() }).from(wilayah);
      expect(rows[0]?.n).toBe(1);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
