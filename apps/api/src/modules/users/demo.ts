import type { Role } from '@sip/contracts';
import type { ProvisionInput } from './users.provisioning';

/** Stated in the README. Demo mode only: outside it these accounts are never created. */
export const DEMO_PASSWORD = 'BandungJuara2026!';
export const DEMO_PEMDA = '32.73';

const account = (username: string, namaLengkap: string, role: Role, wilayahKode: string): ProvisionInput => ({
  username,
  namaLengkap,
  nip: null,
  pemdaKode: DEMO_PEMDA,
  password: DEMO_PASSWORD,
  mustChangePassword: false,
  roles: [{ role, wilayahKode }],
});

/** One account per role. Names are placeholders for the officials, not real people. */
export const demoAccounts: ProvisionInput[] = [
  account('admin', 'Admin Bagian Tata Pemerintahan', 'admin', '32.73'),
  account('verifikator', 'Tim Verifikator Kota', 'verifikator', '32.73'),
  account('analis', 'Analis Kinerja Kewilayahan', 'analis', '32.73'),
  account('camat.coblong', 'Camat Coblong', 'camat', '32.73.02'),
  account('lurah.dago', 'Lurah Dago', 'lurah', '32.73.02.1004'),
  account('lurah.sukarasa', 'Lurah Sukarasa', 'lurah', '32.73.01.1001'),
  account('operator.dago', 'Operator Kelurahan Dago', 'operator', '32.73.02.1004'),
];
