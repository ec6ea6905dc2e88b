import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase, DatabaseLockedError } from './client';
import { wilayah } from './schema/wilayah';

/** Another live process (it only waits), to stand for a second server holding the data folder. */
function otherProcess() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e6)'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => new Promise<void>((r) => child.once('exit', () => r()).kill()) };
}

describe('PGlite data folder', () => {
  it('persists, and refuses a second opener while another holds the folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sip-db-'));
    const lockFile = path.join(dir, 'pglite', 'sip.lock');
    try {
      // Started from the run's migrated template when it is a PGlite dump (no initdb: faster).
      const template = inject('templateDatabase');
      const first = await createDatabase({
        dataDir: dir,
        ...(template.kind === 'pglite' ? { loadDataDir: new Blob([readFileSync(template.dumpFile)]) } : {}),
      });
      await first.migrate();
      await expect(createDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DatabaseLockedError);
      await first.db.execute(sql`insert into wilayah (kode, nama, level) values ('99', 'UJI', 'provinsi')`);
      await first.close();
      // A live process holds the folder: refused, naming it.
      const other = otherProcess();
      writeFileSync(lockFile, String(other.pid));
      const refused = await createDatabase({ dataDir: dir }).catch((err: Error) => err);
      expect(refused).toBeInstanceOf(DatabaseLockedError);
      expect((refused as Error).message).toMatch(
        new RegExp(`in use by another process \\(pid ${other.pid}\\)`),
      );
      // Once that process is gone, its left-over lock is taken over and the data is still there.
      await other.stop();
      const second = await createDatabase({ dataDir: dir });
      const rows = await second.db.select({ n: count() }).from(wilayah).where(eq(wilayah.kode, '99'));
      expect(rows[0]?.n).toBe(1);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
