import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { buildApp } from './app';
import { BackupError, backupFileIn, pruneBackups, restoreBackup, writeBackup } from './backup/backup';
import { ConfigError, loadConfig, weakenedProtections } from './config/env';
import { createDatabase, DatabaseLockedError } from './db/client';
import { DEMO_PASSWORD, seedDemo } from './demo/seed';
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
  import-wilayah <kode|all>     import real areas from idn-area-data: a regency (32.73), a province (32) or all
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
      if (command === 'backup') {
        console.log(`Backup of ${where} and ${config.uploadDir} into ${file}:`);
        const m = await writeBackup(database, config.uploadDir, file, log);
        const rows = Object.values(m.tables).reduce((n, c) => n + c, 0);
        console.log(`Done: ${rows} rows, ${m.files} files.`);
        if (values.dir && keep !== undefined) {
          for (const old of await pruneBackups(values.dir, keep)) console.log(`Removed old backup ${old}`);
        }
      } else {
        console.log(`Restore of ${file} into ${where} and ${config.uploadDir}:`);
        const m = await restoreBackup(database, config.uploadDir, file, log);
        console.log(`Done: the backup of ${m.createdAt} (${m.driver}) is restored.`);
      }
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
    err instanceof BackupError
  ) {
    console.error(err.message);
    if (err instanceof UsageError) process.stderr.write(`\n${usage}`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
