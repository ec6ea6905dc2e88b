/**
 * Password strength, one estimator for the API (which decides) and the browser (which shows it while
 * typing): zxcvbn-ts with its common and Indonesian dictionaries, plus the words people here build
 * passwords from (pemda, slogans, religious and family words) and a short list of passwords seen in
 * Indonesian leaks. The dictionaries are large, so they load on the first check, not at import.
 */

/** Words of Indonesian passwords and of a pemda's daily life; matched as dictionary words, l33t and reversed too. */
export const INDONESIAN_PASSWORD_WORDS = [
  'bandung',
  'juara',
  'bandungjuara',
  'pemkot',
  'pemkab',
  'pemda',
  'pemprov',
  'kecamatan',
  'kelurahan',
  'desa',
  'camat',
  'lurah',
  'kota',
  'kabupaten',
  'dinas',
  'kantor',
  'pegawai',
  'asn',
  'pns',
  'operator',
  'verifikator',
  'admin',
  'rahasia',
  'katasandi',
  'sandi',
  'sayang',
  'sayangku',
  'cinta',
  'cintaku',
  'indonesia',
  'merdeka',
  'garuda',
  'pancasila',
  'bismillah',
  'alhamdulillah',
  'allahuakbar',
  'insyaallah',
  'masyaallah',
  'subhanallah',
  'persib',
  'bobotoh',
  'maung',
  'sunda',
  'jawa',
  'jakarta',
  'surabaya',
  'semarang',
  'medan',
  'palembang',
  'makassar',
  'bogor',
  'bekasi',
  'depok',
  'cimahi',
  'selamat',
  'datang',
  'rumah',
  'keluarga',
  'mamah',
  'mama',
  'papah',
  'papa',
  'ibu',
  'bapak',
  'anak',
  'kinerja',
  'penilaian',
  'rapor',
  'laporan',
  'coblong',
  'dago',
  'sukarasa',
  'gedungsate',
  'kuningan',
  'juni',
  'agustus',
  'desember',
] as const;

/** Passwords seen again and again in Indonesian leaks and offices: refused outright, whatever the score. */
export const COMMON_INDONESIAN_PASSWORDS = [
  'bismillah',
  'bismillah123',
  'sayangku',
  'sayang123',
  'indonesia',
  'indonesia123',
  'indonesia45',
  'merdeka45',
  'merdeka1945',
  'rahasia',
  'rahasia123',
  'katasandi',
  'katasandi123',
  'bandung123',
  'bandungjuara',
  'pemkot123',
  'pemkab123',
  'kecamatan123',
  'kelurahan123',
  'admin123',
  'admin1234',
  'administrator',
  'password',
  'password1',
  'password123',
  'passw0rd',
  'qwerty123',
  'qwertyuiop',
  '1234567890',
  '12345678910',
  'asdfghjkl',
  'persib1933',
  'cintaku',
  'alhamdulillah',
  'sukses2026',
  'selamatdatang',
] as const;

export interface PasswordStrength {
  /** zxcvbn's 0 (too guessable) … 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  /** Meets `minScore` and is not on the common list. */
  ok: boolean;
  /** What is wrong and what to do, in Indonesian; empty when ok. */
  problems: string[];
}

type Zxcvbn = { check: (password: string, userInputs?: (string | number)[]) => ZxcvbnResult };
type ZxcvbnResult = { score: 0 | 1 | 2 | 3 | 4; feedback: { warning: string | null; suggestions: string[] } };

let estimator: Promise<Zxcvbn> | undefined;

/** Loads the dictionaries once (hundreds of KB): the browser gets them as a separate chunk on first use. */
export function loadPasswordEstimator(): Promise<Zxcvbn> {
  estimator ??= (async () => {
    const [core, common, id] = await Promise.all([
      import('@zxcvbn-ts/core'),
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-id'),
    ]);
    return new core.ZxcvbnFactory({
      translations: id.translations,
      graphs: common.adjacencyGraphs,
      dictionary: {
        ...common.dictionary,
        ...id.dictionary,
        'sip-id': [...INDONESIAN_PASSWORD_WORDS, ...COMMON_INDONESIAN_PASSWORDS],
      },
      useLevenshteinDistance: false,
    }) as Zxcvbn;
  })();
  return estimator;
}

/** The parts of a person's own data a password must not be built from (username, name, NIP). */
export function personalInputs(...values: (string | null | undefined)[]): string[] {
  const out = new Set<string>();
  for (const v of values) {
    if (!v) continue;
    const lower = v.toLowerCase().trim();
    out.add(lower);
    for (const part of lower.split(/[\s._\-@,]+/)) if (part.length >= 3) out.add(part);
  }
  return [...out];
}

/** Letters only, lower case: `Bismillah123!` and `bismillah` are the same common password. */
const normalised = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
const commonSet = new Set<string>(
  COMMON_INDONESIAN_PASSWORDS.flatMap((p) => [p, normalised(p)]).filter((p) => p.length > 0),
);

/**
 * Rates a password for a person. `minScore` comes from the server's settings (PASSWORD_MIN_SCORE);
 * the browser passes the same number it is told, but only the server's verdict counts.
 */
export async function checkPasswordStrength(
  password: string,
  opts: { minScore: number; userInputs?: string[] },
): Promise<PasswordStrength> {
  const zxcvbn = await loadPasswordEstimator();
  // zxcvbn's run time grows with length; a long password is judged on its first 100 characters.
  const result = zxcvbn.check(password.slice(0, 100), opts.userInputs ?? []);
  const problems: string[] = [];
  const lower = password.toLowerCase();
  if (commonSet.has(lower) || commonSet.has(normalised(password))) {
    problems.push('Kata sandi ini termasuk yang paling sering dipakai dan mudah ditebak.');
  }
  const own = (opts.userInputs ?? []).find((u) => u.length >= 4 && lower.includes(u));
  if (own) problems.push(`Kata sandi tidak boleh memuat nama pengguna atau nama Anda ("${own}").`);
  const words = lower.match(/\p{L}+/gu) ?? [];
  const guessable = new Set<string>([...INDONESIAN_PASSWORD_WORDS, ...(opts.userInputs ?? [])]);
  if (problems.length === 0 && words.length > 0 && words.every((w) => guessable.has(w))) {
    problems.push(
      'Kata sandi hanya tersusun dari kata yang mudah ditebak (nama daerah, instansi, jabatan atau nama Anda) dan angka.',
    );
  }
  if (result.score < opts.minScore) {
    const why = result.feedback.warning ? ` ${result.feedback.warning}` : '';
    problems.push(
      `Kata sandi terlalu lemah (kekuatan ${result.score} dari 4, minimal ${opts.minScore}).${why}`,
    );
    const hint = result.feedback.suggestions[0];
    const advice = 'Gunakan tiga atau empat kata yang tidak saling berhubungan, dipisah tanda baca.';
    problems.push(hint ? `${hint} ${advice}` : advice);
  }
  return { score: result.score, ok: problems.length === 0, problems };
}
