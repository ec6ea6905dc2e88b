import type { RankingRow } from '@sip/contracts';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { Kop, PrintDocument, SignatureBlock } from '@/components/ui/print-document';
import { formatDateTime, formatDueDate, formatScore, NO_VALUE } from '@/lib/format';
import { usePublications } from '../api/get-publications';
import { useRankings } from '../api/get-rankings';
import { useTopTen } from '../api/get-top-ten';

// The document is in Bahasa Indonesia whatever the UI language: it is an official record.

/** How many units got each predikat, in the order of the bands (highest first). */
function predikatMix(rows: RankingRow[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const key = r.predikat ?? 'Tanpa predikat';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const order = (label: string) => {
    const best = rows.filter((r) => (r.predikat ?? 'Tanpa predikat') === label);
    return Math.max(...best.map((r) => r.total ?? -1));
  };
  return [...counts.entries()].sort((a, b) => order(b[0]) - order(a[0]));
}

/**
 * Berita acara of a published year: what was announced, when and by whom, which revision, the
 * predikat of every unit counted, and the best ten camat and lurah — for the pemda's archive.
 */
export function BeritaAcara({ tahun, backHref }: { tahun: number; backHref: string }) {
  const pubs = usePublications(tahun);
  const top = useTopTen(tahun);
  const kec = useRankings(tahun, 'kecamatan');
  const kel = useRankings(tahun, 'kelurahan');
  const queries = [pubs, top, kec, kel];
  const failed = queries.find((q) => q.isError);
  if (failed?.error)
    return (
      <ErrorState error={failed.error} onRetry={() => void failed.refetch()} retrying={failed.isFetching} />
    );
  if (!pubs.data || !top.data || !kec.data || !kel.data) return <LoadingState />;
  const latest = pubs.data.revisions.at(-1);
  if (!latest || kec.data.source !== 'publikasi') {
    return (
      <PrintDocument title={`Berita acara ${tahun}`} backHref={backHref}>
        <p>Hasil tahun {tahun} belum diumumkan; berita acara dibuat setelah pengumuman.</p>
      </PrintDocument>
    );
  }
  const topTable = (caption: string, rows: typeof top.data.camat, official: string) => (
    <table>
      <caption style={{ textAlign: 'left', fontWeight: 700 }}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            Peringkat
          </th>
          <th scope="col">Unit</th>
          <th scope="col">{official}</th>
          <th scope="col" className="num">
            Nilai
          </th>
          <th scope="col">Predikat</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.kode}>
            <td className="num">{r.rank ?? NO_VALUE}</td>
            <td>{r.nama}</td>
            <td>{r.pejabat ?? 'Belum tercatat'}</td>
            <td className="num">{formatScore(r.total)}</td>
            <td>{r.predikat ?? NO_VALUE}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  const mix = (label: string, rows: RankingRow[]) => (
    <tr>
      <th scope="row">{label}</th>
      <td>
        {predikatMix(rows)
          .map(([p, n]) => `${p}: ${n}`)
          .join('; ')}
      </td>
      <td className="num">{rows.length}</td>
    </tr>
  );
  return (
    <PrintDocument title={`Berita acara hasil penilaian ${tahun}`} backHref={backHref}>
      <Kop pemda={pubs.data.pemdaNama ?? ''} sub="Penilaian Kinerja Kewilayahan" />
      <h1 className="print-title">Berita acara penetapan hasil penilaian kinerja kewilayahan</h1>
      <p className="print-subtitle">
        Tahun {tahun} · revisi {latest.revision}
      </p>
      <p>
        Pada {formatDueDate(latest.publishedAt)} pukul {formatDateTime(latest.publishedAt).split(' ').at(-1)}{' '}
        hasil penilaian kinerja kecamatan dan kelurahan tahun {tahun} diumumkan melalui SIP Kinerja
        Kewilayahan
        {latest.revision > 1 ? ` sebagai revisi ${latest.revision} dengan alasan: ${latest.reason}` : ''},
        dengan versi rumus {latest.formulaVersion}. Hasil yang diumumkan tersimpan sebagai snapshot yang tidak
        dapat diubah; setiap koreksi diterbitkan sebagai revisi bernomor.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Tingkat</th>
            <th scope="col">Sebaran predikat</th>
            <th scope="col" className="num">
              Jumlah unit
            </th>
          </tr>
        </thead>
        <tbody>
          {mix('Kecamatan', kec.data.rows)}
          {mix('Kelurahan', kel.data.rows)}
        </tbody>
      </table>
      {topTable('Sepuluh besar kecamatan', top.data.camat, 'Camat')}
      {topTable('Sepuluh besar kelurahan', top.data.lurah, 'Lurah')}
      <SignatureBlock
        signers={[
          {
            caption: 'Yang mengumumkan,',
            jabatan: 'Administrator SIP Kinerja Kewilayahan',
            nama: latest.publishedByName,
            nip: null,
            date: formatDueDate(latest.publishedAt),
          },
          { caption: 'Mengetahui,', jabatan: 'Pejabat yang berwenang', nama: null, nip: null },
        ]}
      />
      <p className="print-note">
        Riwayat pengumuman:{' '}
        {pubs.data.revisions.map((r) => `revisi ${r.revision} (${formatDateTime(r.publishedAt)})`).join(', ')}
        . Dicetak {formatDateTime(new Date())}.
      </p>
    </PrintDocument>
  );
}
