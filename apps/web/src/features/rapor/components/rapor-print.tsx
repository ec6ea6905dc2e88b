import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { Kop, PrintDocument } from '@/components/ui/print-document';
import { formatDateTime, formatScore, formatValue, NO_VALUE } from '@/lib/format';
import { useRapor } from '../api/get-rapor';

// The document is in Bahasa Indonesia whatever the UI language: it is an official record.

const statusWords = {
  terverifikasi: 'Terverifikasi',
  dikoreksi: 'Dikoreksi verifikator',
  tidak_berlaku: 'Tidak berlaku',
  tidak_dilaporkan: 'Tidak dilaporkan',
  sebagian: 'Sebagian bulan',
  belum_jatuh_tempo: 'Belum jatuh tempo',
} as const;

/** One unit's rapor on the pemda's letterhead: total, predikat, rank, bidang and indicators. */
export function RaporPrint({ tahun, kode, backHref }: { tahun: number; kode: string; backHref: string }) {
  const q = useRapor(tahun, kode);
  if (q.isPending) return <LoadingState />;
  if (q.isError)
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />;
  const r = q.data;
  const unit = `${r.level === 'kelurahan' ? 'Kelurahan' : 'Kecamatan'} ${r.nama}`;
  const source =
    r.source === 'publikasi'
      ? `Hasil resmi yang diumumkan, revisi ${r.revision}`
      : `Rapor berjalan dari data terverifikasi (${r.monthsDue} dari 12 bulan jatuh tempo)`;
  return (
    <PrintDocument title={`Rapor ${unit} ${r.tahun}`} backHref={backHref}>
      <Kop pemda={r.pemdaNama} sub="Penilaian Kinerja Kewilayahan" />
      <h1 className="print-title">Rapor kinerja {unit}</h1>
      <p className="print-subtitle">
        Tahun {r.tahun}
        {r.level === 'kelurahan' ? ` · Kecamatan ${r.kecamatanNama}` : ''} · {source}
      </p>
      <table>
        <tbody>
          <tr>
            <th scope="row">Nilai total</th>
            <td className="num">{formatScore(r.total)}</td>
            <th scope="row">Predikat</th>
            <td>{r.predikat ?? NO_VALUE}</td>
          </tr>
          <tr>
            <th scope="row">Peringkat</th>
            <td className="num">{r.rank === null ? NO_VALUE : `${r.rank} dari ${r.rankOf}`}</td>
            <th scope="row">{r.level === 'kelurahan' ? 'Peringkat di kecamatan' : 'Rata-rata pemda'}</th>
            <td className="num">
              {r.level === 'kelurahan'
                ? r.rankInKecamatan === null
                  ? NO_VALUE
                  : `${r.rankInKecamatan} dari ${r.rankInKecamatanOf}`
                : formatScore(r.pemdaAverage)}
            </td>
          </tr>
        </tbody>
      </table>
      {r.bidang.map((b) => (
        <section key={b.code} aria-labelledby={`bidang-${b.code}`}>
          <h2 id={`bidang-${b.code}`}>
            {b.code} {b.name} — bobot {formatValue(b.weight)}, skor {formatScore(b.score)}
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">Indikator</th>
                <th scope="col" className="num">
                  Realisasi
                </th>
                <th scope="col" className="num">
                  Target
                </th>
                <th scope="col" className="num">
                  Skor
                </th>
                <th scope="col" className="num">
                  Bobot
                </th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {b.indikator.map((i) => (
                <tr key={i.code}>
                  <td>
                    {i.code} {i.name}
                  </td>
                  <td className="num">
                    {formatValue(i.value)}
                    {i.value !== null && i.satuan ? ` ${i.satuan}` : ''}
                  </td>
                  <td className="num">{formatValue(i.target)}</td>
                  <td className="num">{formatScore(i.score)}</td>
                  <td className="num">{formatValue(i.weight)}</td>
                  <td>
                    {statusWords[i.status]}
                    {i.monthsDue !== null && (i.status === 'sebagian' || i.status === 'tidak_dilaporkan')
                      ? ` (${i.monthsReported ?? 0}/${i.monthsDue} bulan)`
                      : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <p className="print-note">
        Versi rumus {r.formulaVersion}; dihitung {formatDateTime(r.computedAt)}; dicetak{' '}
        {formatDateTime(new Date())} dari SIP Kinerja Kewilayahan. Aturan penilaian: docs/scoring.md.
      </p>
    </PrintDocument>
  );
}
