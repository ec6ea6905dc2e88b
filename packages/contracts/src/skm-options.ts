// Plain data (no zod) so the public survey bundle can use it without pulling in a validator.

/** The nine unsur keys of PermenPANRB 14/2017, in the regulation's order (same as @sip/scoring's UNSUR_KEYS). */
export const skmUnsurKeys = [
  'persyaratan',
  'prosedur',
  'waktu',
  'biaya',
  'produk',
  'kompetensi',
  'perilaku',
  'pengaduan',
  'sarana',
] as const;
export type SkmUnsurKey = (typeof skmUnsurKeys)[number];

export interface SkmOption<V extends string = string> {
  value: V;
  label: string;
}

/**
 * Respondent profile of the regulation's sample questionnaire (PermenPANRB 14/2017, Lampiran):
 * jenis kelamin, pendidikan and pekerjaan as printed there; age is asked as a group rather than a
 * number so a response cannot single a person out.
 */
export const skmProfilOptions = {
  jenisKelamin: [
    { value: 'L', label: 'Laki-laki' },
    { value: 'P', label: 'Perempuan' },
  ],
  kelompokUmur: [
    { value: 'lt20', label: 'Di bawah 20 tahun' },
    { value: '20-29', label: '20–29 tahun' },
    { value: '30-39', label: '30–39 tahun' },
    { value: '40-49', label: '40–49 tahun' },
    { value: '50-59', label: '50–59 tahun' },
    { value: '60+', label: '60 tahun ke atas' },
  ],
  pendidikan: [
    { value: 'sd', label: 'SD ke bawah' },
    { value: 'sltp', label: 'SLTP' },
    { value: 'slta', label: 'SLTA' },
    { value: 'diploma', label: 'D1/D2/D3/D4' },
    { value: 's1', label: 'S1' },
    { value: 's2', label: 'S2 ke atas' },
  ],
  pekerjaan: [
    { value: 'pns', label: 'PNS' },
    { value: 'tni', label: 'TNI' },
    { value: 'polri', label: 'POLRI' },
    { value: 'swasta', label: 'Swasta' },
    { value: 'wirausaha', label: 'Wirausaha' },
    { value: 'lainnya', label: 'Lainnya' },
  ],
} as const;
export type SkmProfilField = keyof typeof skmProfilOptions;
export const skmProfilLabels: Record<SkmProfilField, string> = {
  jenisKelamin: 'Jenis kelamin',
  kelompokUmur: 'Kelompok umur',
  pendidikan: 'Pendidikan terakhir',
  pekerjaan: 'Pekerjaan utama',
};

export const SKM_LAYANAN_MAX = 120;
export const SKM_SARAN_MAX = 1000;
/** Name of the hidden honeypot field: a person never sees it, a form-filling bot does. */
/** The header a survey page sends its device token in when it asks for the form (never required). */
export const SKM_DEVICE_HEADER = 'x-skm-perangkat';

export const SKM_HONEYPOT_FIELD = 'website';

/**
 * Krejcie & Morgan (1970), the sample table PermenPANRB 14/2017 refers to: 95% confidence
 * (chi-square 3.841), P = 0.5, margin 5%. Rounded to the nearest whole respondent, which
 * reproduces the printed table (N=100 -> 80, N=1000 -> 278, N=1,000,000 -> 384).
 */
export function krejcieMorganSample(populasi: number): number {
  const x2 = 3.841;
  const p = 0.5;
  const d = 0.05;
  if (populasi <= 0) return 0;
  return Math.round((x2 * populasi * p * (1 - p)) / (d * d * (populasi - 1) + x2 * p * (1 - p)));
}

/** Used when the population of service users is not entered: the table's value for a very large population. */
export const SKM_DEFAULT_MIN_SAMPLE = 384;
