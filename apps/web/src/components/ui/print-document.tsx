import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import './print-document.css';

/**
 * An official document as one A4 sheet: a toolbar (back, print) that the printer never sees, then
 * the sheet. Outside the app layout, like the SKM posters, so the page is what gets printed.
 */
export function PrintDocument({
  title,
  backHref,
  children,
}: {
  title: string;
  backHref: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="print-doc">
      <div className="print-toolbar">
        <Link to={backHref}>{t('print.back')}</Link>
        <button type="button" onClick={() => window.print()}>
          {t('print.print')}
        </button>
        <span>{t('print.hint')}</span>
      </div>
      <main className="print-sheet" aria-label={title}>
        {children}
      </main>
    </div>
  );
}

/** Kop surat: the pemda, then the unit (or the office) issuing the document. */
export function Kop({
  pemda,
  unit,
  sub,
}: {
  pemda: string;
  unit?: string | undefined;
  sub?: string | undefined;
}) {
  return (
    <header className="kop">
      <p className="kop-pemda">Pemerintah {pemda}</p>
      {unit ? <p className="kop-unit">{unit}</p> : null}
      {sub ? <p className="kop-sub">{sub}</p> : null}
    </header>
  );
}

export interface Signer {
  /** "Dibuat oleh", "Mengetahui", "Diverifikasi oleh". */
  caption: string;
  jabatan: string;
  nama: string | null;
  nip: string | null;
  /** The date line above the caption ("Bandung, 3 Desember 2026"), if any. */
  date?: string | undefined;
}

/** Signature columns: caption, jabatan, space to sign, the name underlined and the NIP. */
export function SignatureBlock({ signers }: { signers: Signer[] }) {
  return (
    <section className="signatures" aria-label="Tanda tangan">
      {signers.map((s) => (
        <div className="signature" key={`${s.caption}-${s.jabatan}`}>
          <p>{s.date ?? '\u00a0'}</p>
          <p>{s.caption}</p>
          <p>{s.jabatan}</p>
          <div className="signature-space" />
          <p className="signature-name">{s.nama ?? '………………………………'}</p>
          <p>NIP. {s.nip ?? '………………………………'}</p>
        </div>
      ))}
    </section>
  );
}
