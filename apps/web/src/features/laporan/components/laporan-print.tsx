import type { LaporanDetail } from '@sip/contracts';
import { reportedIndikator } from '@sip/scoring';
import { ErrorState } from '@/components/ui/error-state';
import { LoadingState } from '@/components/ui/loading-state';
import { Kop, PrintDocument, SignatureBlock, type Signer } from '@/components/ui/print-document';
import { formatDateTime, formatDueDate, formatValue, NO_VALUE, visibleText } from '@/lib/format';
import { useLaporan } from '../api/get-laporan';

// The document itself is in Bahasa Indonesia whatever the UI language: it is an official record.

const statusWords: Record<LaporanDetail['status'], string> = {
  draf: 'Draf (belum diajukan)',
  diajukan: 'Diajukan, menunggu kajian',
  dikaji_camat: 'Disahkan camat, menunggu verifikasi',
  diverifikasi: 'Diverifikasi',
  dikembalikan: 'Dikembalikan untuk diperbaiki',
  dibuka_kembali: 'Dibuka kembali',
};

const decisionWords = { diterima: 'Diterima', dikoreksi: 'Dikoreksi', ditolak: 'Ditolak' } as const;

const captions: Record<LaporanDetail['penandatangan'][number]['peran'], string> = {
  pelapor: 'Dibuat oleh,',
  camat: 'Mengetahui / mengesahkan,',
  verifikator: 'Diverifikasi oleh,',
};

const monthName = (bulan: number) =>
  new Intl.DateTimeFormat('id-ID', { month: 'long' }).format(new Date(Date.UTC(2026, bulan - 1, 15)));

/** A report as an A4 document: kop, the values with notes, evidence and decisions, signatures. */
export function LaporanPrint({ id, backHref }: { id: string; backHref: string }) {
  const q = useLaporan(id);
  if (q.isPending) return <LoadingState />;
  if (q.isError)
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />;
  const d = q.data;
  const periode =
    d.kind === 'bulanan' && d.bulan ? `Bulan ${monthName(d.bulan)} Tahun ${d.tahun}` : `Tahunan ${d.tahun}`;
  const title = `Laporan kinerja kewilayahan — ${periode}`;
  const entries = new Map(d.entries.map((e) => [e.indikatorCode, e]));
  const evidence = (code: string) => d.evidence.filter((e) => e.indikatorCode === code).length;
  const frequency = d.kind === 'bulanan' ? 'monthly' : 'annual';
  const indikator = reportedIndikator(d.framework, d.level, frequency);
  const signers: Signer[] = [
    ...(['pelapor', 'camat', 'verifikator'] as const)
      .filter((peran) => peran !== 'camat' || d.endorsementRequired)
      .map((peran) => {
        const s = d.penandatangan.find((p) => p.peran === peran);
        const jabatan =
          peran === 'pelapor'
            ? `${d.level === 'kelurahan' ? 'Lurah' : 'Camat'} ${d.wilayahNama}`
            : peran === 'camat'
              ? `Camat ${d.kecamatanNama}`
              : 'Verifikator';
        return {
          caption: captions[peran],
          jabatan: s?.jabatan ?? jabatan,
          nama: s?.nama ?? null,
          nip: s?.nip ?? null,
          date: s ? formatDueDate(s.at) : undefined,
        };
      }),
  ];
  return (
    <PrintDocument title={title} backHref={backHref}>
      <Kop
        pemda={d.pemdaNama}
        unit={`${d.level === 'kelurahan' ? 'Kelurahan' : 'Kecamatan'} ${d.wilayahNama}`}
        sub={d.level === 'kelurahan' ? `Kecamatan ${d.kecamatanNama}` : undefined}
      />
      <h1 className="print-title">Laporan kinerja kewilayahan</h1>
      <p className="print-subtitle">{periode}</p>
      <table>
        <tbody>
          <tr>
            <th scope="row">Status</th>
            <td>{statusWords[d.status]}</td>
            <th scope="row">Batas waktu</th>
            <td>{formatDueDate(d.dueAt)}</td>
          </tr>
          <tr>
            <th scope="row">Pertama diajukan</th>
            <td>{d.firstSubmittedAt ? formatDateTime(d.firstSubmittedAt) : NO_VALUE}</td>
            <th scope="row">Ketepatan waktu</th>
            <td>{d.firstSubmittedAt ? (d.late ? 'Terlambat' : 'Tepat waktu') : NO_VALUE}</td>
          </tr>
        </tbody>
      </table>
      <table>
        <thead>
          <tr>
            <th scope="col">Kode</th>
            <th scope="col">Indikator</th>
            <th scope="col" className="num">
              Nilai
            </th>
            <th scope="col">Catatan</th>
            <th scope="col" className="num">
              Bukti
            </th>
            <th scope="col">Verifikasi</th>
          </tr>
        </thead>
        <tbody>
          {indikator.map((ind) => {
            const e = entries.get(ind.code);
            const value = e?.tidakBerlaku
              ? `Tidak berlaku: ${visibleText(e.tidakBerlakuReason)}`
              : e?.value === null || e?.value === undefined
                ? NO_VALUE
                : `${formatValue(e.value, 4)}${ind.satuan ? ` ${ind.satuan}` : ''}`;
            const decision = e?.decision
              ? `${decisionWords[e.decision]}${e.decision === 'dikoreksi' ? ` menjadi ${formatValue(e.correctedValue, 4)}` : ''}${e.decisionReason ? ` — ${visibleText(e.decisionReason)}` : ''}`
              : NO_VALUE;
            return (
              <tr key={ind.code}>
                <td>{ind.code}</td>
                <td>{ind.name}</td>
                <td className="num">{value}</td>
                <td>{e?.note ? visibleText(e.note) : NO_VALUE}</td>
                <td className="num">{evidence(ind.code)}</td>
                <td>{decision}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <SignatureBlock signers={signers} />
      <p className="print-note">
        Dicetak dari SIP Kinerja Kewilayahan pada {formatDateTime(new Date())}. Nilai, catatan dan keputusan
        sesuai data laporan saat dicetak.
      </p>
    </PrintDocument>
  );
}
