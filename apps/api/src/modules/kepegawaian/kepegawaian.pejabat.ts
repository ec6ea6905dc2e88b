/**
 * Who led a kecamatan or kelurahan over a year, as the rapor, the award lists and the public page
 * name him (issue 17): from the position history of its unit kerja's head (camat, lurah), not from
 * whoever holds the account today. A Plh (a stand-in for days or weeks) is not named; a Plt is, with
 * the part of the year he acted.
 */

export interface KepalaSpan {
  wilayahKode: string;
  nama: string;
  jenis: 'definitif' | 'plt' | 'plh';
  mulai: string;
  selesai: string | null;
}

const tanggalPanjang = (iso: string) =>
  new Intl.DateTimeFormat('id-ID', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

/** "Rina Marlina" when one definitif head held the whole year; otherwise each with his part of it. */
export function namaPejabat(spans: readonly KepalaSpan[], tahun: number): Map<string, string> {
  const awal = `${tahun}-01-01`;
  const akhir = `${tahun}-12-31`;
  const byUnit = new Map<string, KepalaSpan[]>();
  for (const s of spans) {
    if (s.jenis === 'plh' || s.mulai > akhir || (s.selesai !== null && s.selesai < awal)) continue;
    byUnit.set(s.wilayahKode, [...(byUnit.get(s.wilayahKode) ?? []), s]);
  }
  const out = new Map<string, string>();
  for (const [kode, list] of byUnit) {
    const sorted = [...list].sort((a, b) => (a.mulai < b.mulai ? -1 : 1));
    const only = sorted[0];
    if (
      sorted.length === 1 &&
      only &&
      only.jenis === 'definitif' &&
      only.mulai <= awal &&
      (only.selesai ?? akhir) >= akhir
    ) {
      out.set(kode, only.nama);
      continue;
    }
    out.set(
      kode,
      sorted
        .map((s) => {
          const dari = s.mulai < awal ? awal : s.mulai;
          const sampai = s.selesai === null || s.selesai > akhir ? akhir : s.selesai;
          const peran = s.jenis === 'plt' ? 'Plt, ' : '';
          return `${s.nama} (${peran}${tanggalPanjang(dari)} – ${tanggalPanjang(sampai)})`;
        })
        .join('; '),
    );
  }
  return out;
}
