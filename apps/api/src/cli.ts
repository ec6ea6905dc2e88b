import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildApp } from './app';
import { BackupError, backupFileIn, pruneBackups, restoreBackup, writeBackup } from './backup/backup';
import { JobsUsageError, jobsCommand, jobsUsage } from './cli-jobs';
import { ConfigError, loadConfig, weakenedProtections } from './config/env';
import { createDatabase, DatabaseLockedError } from './db/client';
import { evidence } from './db/schema/laporan';
import { DEMO_PASSWORD, seedDemo } from './demo/seed';
import { copyStorage } from './lib/storage/copy';
import { createLocalStorage } from './lib/storage/local';
import { openStorage } from './lib/storage/open';
import { StorageUnavailableError } from './lib/storage/storage';
import { createAuditRepo } from './modules/audit/audit.repo';
import { createPasswordPolicy } from './modules/auth/password-policy';
import { provisionUser } from './modules/users/users.provisioning';
import { createUsersRepo } from './modules/users/users.repo';
import { importWilayah } from './modules/wilayah/wilayah.import';
import { createWilayahRepo } from './modules/wilayah/wilayah.repo';
import { serve } from './server';

const usage = `SIP Kinerja Kewilayahan — command line

  serve                         migrate, then serve API + web app (PORT, DATA_DIR / DATABASE_URL)
  demo                          like serve, in demo mode: imports Kota Bandung and seeds one account per role
  migrate                       apply database migrations
  backup <file> | --dir <folder> [--keep <n>]
                                write one consistent archive (.tar.gz) of the database and the stored files;
                                with --dir a dated file there, and --keep removes all but the newest n (cron)
  restore <file>                restore such an archive into an empty database and empty storage
                                (migrated to the same schema level; refused otherwise, nothing half-written)
  copy-storage [--from <folder>]
                                copy the evidence files of a local folder (default UPLOAD_DIR) into the
                                configured S3 bucket; resumable (what is there with the same checksum is
                                skipped), every copy read back and verified
${jobsUsage}  import-wilayah <kode|all>     import real areas from idn-area-data: a regency (32.73), a province (32) or all
  create-admin --pemda <kode> --username <u> --nama <nama lengkap> [--nip <18 digit>]
                                create the first admin of a pemda; password from SIP_ADMIN_PASSWORD
                                or generated and printed once (must be changed at first login)
`;

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (!command || command === 'help' || command === '--help') {
    process.stdout.write(usage);
    return;
  }
  const config = loadConfig(process.env, command === 'demo' ? { demo: true } : {});
  const database = await createDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  const where = database.driver === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  await database.migrate();
  const wilayah = createWilayahRepo(database.db);
  const deps = {
    db: database.db,
    users: createUsersRepo(database.db),
    wilayah,
    audit: createAuditRepo(database.db),
  };
  const progress = (p: { done: number; total: number }) => {
    process.stdout.write(
      `\r  wilayah ${p.done.toLocaleString('id-ID')} / ${p.total.toLocaleString('id-ID')}`,
    );
    if (p.done === p.total) process.stdout.write('\n');
  };

  switch (command) {
    case 'migrate':
      console.log(`Migrations applied (${where}).`);
      await database.close();
      return;
    case 'backup':
    case 'restore': {
      const { values, positionals } = parseArgs({
        args: rest,
        allowPositionals: true,
        options: { dir: { type: 'string' }, keep: { type: 'string' } },
      });
      const keep = values.keep === undefined ? undefined : Number(values.keep);
      if (keep !== undefined && (!Number.isInteger(keep) || keep < 1))
        throw new UsageError('--keep needs a whole number of archives (1 or more).');
      const file =
        positionals[0] ??
        (command === 'backup' && values.dir ? backupFileIn(values.dir, new Date()) : undefined);
      if (!file)
        throw new UsageError(
          `${command} needs the archive's file name${command === 'backup' ? ' or --dir' : ''}.`,
        );
      const log = (line: string) => console.log(line);
      const storage = await openStorage(config);
      if (command === 'backup') {
        console.log(`Backup of ${where} and the ${storage.bukti.where} into ${file}:`);
        const m = await writeBackup(database, storage.bukti, file, log);
        const rows = Object.values(m.tables).reduce((n, c) => n + c, 0);
        console.log(`Done: ${rows} rows, ${m.files} files.`);
        if (values.dir && keep !== undefined) {
          for (const old of await pruneBackups(values.dir, keep)) console.log(`Removed old backup ${old}`);
        }
      } else {
        console.log(`Restore of ${file} into ${where} and the ${storage.bukti.where}:`);
        const m = await restoreBackup(database, storage.bukti, file, log);
        console.log(`Done: the backup of ${m.createdAt} (${m.driver}) is restored.`);
      }
      storage.close();
      await database.close();
      return;
    }
    case 'copy-storage': {
      const { values } = parseArgs({ args: rest, options: { from: { type: 'string' } } });
      if (!config.s3)
        throw new UsageError(
          'copy-storage copies into the S3 bucket: set S3_BUCKET (and S3_ENDPOINT …) first.',
        );
      const from = createLocalStorage(path.resolve(values.from ?? config.uploadDir));
      const storage = await openStorage(config);
      const to = storage.bukti;
      // The SHA-256 each file had at upload: a source file that no longer matches is not copied.
      const expected = new Map(
        (await database.db.select({ key: evidence.storageKey, sha256: evidence.sha256 }).from(evidence)).map(
          (r) => [r.key, r.sha256],
        ),
      );
      console.log(`Copy of the ${from.where} into the ${to.where}:`);
      let shown = 0;
      try {
        const r = await copyStorage({
          from,
          to,
          expected,
          onProgress: (p) => {
            if (p.done !== p.total && performance.now() - shown < 1000) return;
            shown = performance.now();
            console.log(
              `  ${p.done} / ${p.total} files: ${p.copied} copied, ${p.skipped} already there, ${p.replaced} replaced, ${p.failed} failed`,
            );
          },
        });
        const mb = (r.bytes / 1024 / 1024).toFixed(1);
        console.log(
          `Done in ${(r.ms / 1000).toFixed(1)} s: ${r.total} files, ${r.copied} copied (${mb} MB), ${r.skipped} already there with the same checksum, ${r.replaced} replaced (other bytes under the key), ${r.failed} failed.`,
        );
        for (const f of r.failures) console.error(`  FAILED ${f.key}: ${f.reason}`);
        if (r.missingInSource.length > 0) {
          console.error(
            `  ${r.missingInSource.length} evidence rows name a file that is not in the folder: ${r.missingInSource.slice(0, 10).join(', ')}${r.missingInSource.length > 10 ? ' …' : ''}`,
          );
        }
        if (r.failed > 0) process.exitCode = 1;
      } catch (err) {
        if (!(err instanceof StorageUnavailableError)) throw err;
        console.error(
          `The bucket stopped answering (${(err.cause as Error)?.message ?? err.message}); run copy-storage again to carry on: what was copied is kept and skipped.`,
        );
        process.exitCode = 1;
      } finally {
        storage.close();
      }
      await database.close();
      return;
    }
    case 'jobs': {
      process.exitCode = await jobsCommand(rest, { config, database });
      await database.close();
      return;
    }
    case 'import-wilayah': {
      const target = rest[0];
      if (!target)
        throw new UsageError(
          'import-wilayah needs a target: a regency code (32.73), a province code (32) or "all".',
        );
      const r = await importWilayah({ db: database.db, repo: wilayah }, target, progress);
      console.log(
        `Imported ${r.provinsi} provinsi, ${r.kabupatenKota} kabupaten/kota, ${r.kecamatan} kecamatan, ${r.kelurahanDesa} kelurahan/desa.`,
      );
      await database.close();
      return;
    }
    case 'create-admin': {
      const { values } = parseArgs({
        args: rest,
        options: {
          pemda: { type: 'string' },
          username: { type: 'string' },
          nama: { type: 'string' },
          nip: { type: 'string' },
        },
      });
      if (!values.pemda || !values.username || !values.nama)
        throw new UsageError('create-admin needs --pemda, --username and --nama.');
      const generated = !process.env.SIP_ADMIN_PASSWORD;
      const password = process.env.SIP_ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
      const problems = await createPasswordPolicy({ minScore: config.passwordMinScore }).problems(password, {
        username: values.username,
        namaLengkap: values.nama,
        nip: values.nip ?? null,
      });
      if (problems.length > 0)
        throw new UsageError(`SIP_ADMIN_PASSWORD is refused:\n  ${problems.join('\n  ')}`);
      const result = await provisionUser(deps, {
        username: values.username,
        namaLengkap: values.nama,
        nip: values.nip ?? null,
        pemdaKode: values.pemda,
        password,
        mustChangePassword: true,
        roles: [{ role: 'admin', wilayahKode: values.pemda }],
      });
      if (!result.created) {
        console.error(`User "${values.username}" already exists; nothing changed.`);
        process.exitCode = 1;
      } else {
        console.log(`Admin "${values.username}" created for pemda ${values.pemda}.`);
        if (generated)
          console.log(`Initial password (shown once, must be changed at first login): ${password}`);
      }
      await database.close();
      return;
    }
    case 'serve':
    case 'demo': {
      if (config.demo) {
        console.log('Demo: Kota Bandung (32.73), its accounts and a year of example data…');
        await seedDemo(database.db, progress);
        console.warn(
          [
            '',
            '  ************************************************************************',
            '  *  DEMO MODE — not for real use. Demo accounts exist with a known      *',
            `  *  password (${DEMO_PASSWORD}); the auth secret is generated locally. *`,
            '  ************************************************************************',
            '',
          ].join('\n'),
        );
      }
      for (const warning of weakenedProtections(config)) console.warn(`Weakened protection: ${warning}`);
      const app = await buildApp({ config, database });
      await serve(app, database, { host: config.host, port: config.port });
      console.log(`SIP Kinerja Kewilayahan: http://localhost:${config.port} (${where})`);
      return;
    }
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

class UsageError extends Error {}

main().catch((err) => {
  if (
    err instanceof ConfigError ||
    err instanceof DatabaseLockedError ||
    err instanceof UsageError ||
    err instanceof JobsUsageError ||
    err instanceof BackupError
  ) {
    console.error(err.message);
    if (err instanceof UsageError || err instanceof JobsUsageError) process.stderr.write(`\n${usage}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
