import type { SkmKodeBatch } from '@sip/contracts';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKodeBatch } from '../api/get-kode-batch';
import './skm-kode-slips.css';

/**
 * A batch of kode layanan as an A4 sheet of cut-out slips (10 per page): each with the code, the
 * unit's name and a QR code to the survey carrying `?kode=` (ADR 005). On screen also the status of
 * every code, so a reprint leaves out the ones already used.
 */
export function SkmKodeSlips({
  kode,
  batchId,
  backHref,
}: {
  kode: string;
  batchId: string;
  backHref: string;
}) {
  const { t } = useTranslation();
  const batch = useKodeBatch(kode, batchId);
  const [onlyUnused, setOnlyUnused] = useState(true);

  if (batch.isPending) return <p className="slips-status">{t('skm.slipTitle')}…</p>;
  if (batch.isError) {
    return (
      <p className="slips-status" role="alert">
        {batch.error.message}
      </p>
    );
  }
  const b = batch.data;
  const printed = onlyUnused ? b.items.filter((i) => !i.dipakai) : b.items;
  return (
    <main className="slips">
      <div className="slips-toolbar">
        <a href={backHref}>← {t('skm.slipBack')}</a>
        <h1>
          {t('skm.slipTitle')} — {t(`skm.levelWord.${b.level}`)} {b.nama}
        </h1>
        <p>{t('skm.slipIntro')}</p>
        <label className="slips-check">
          <input
            type="checkbox"
            checked={onlyUnused}
            onChange={(e) => setOnlyUnused(e.currentTarget.checked)}
          />
          {t('skm.slipOnlyUnused')}
        </label>
        <p role="status">
          {printed.length > 0 ? t('skm.slipCount', { n: printed.length }) : t('skm.slipNone')}
        </p>
        <button type="button" onClick={() => window.print()} disabled={printed.length === 0}>
          {t('skm.print')}
        </button>
        <details className="slips-codes">
          <summary>
            {t('skm.slipCodes')} ({b.items.filter((i) => i.dipakai).length}/{b.items.length}{' '}
            {t('skm.slipUsedMark').toLowerCase()})
          </summary>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('skm.slipCode')}</th>
                <th scope="col">{t('skm.status')}</th>
              </tr>
            </thead>
            <tbody>
              {b.items.map((i) => (
                <tr key={i.kode}>
                  <td className="mono">{i.kode}</td>
                  <td>{i.dipakai ? t('skm.slipUsedMark') : t('skm.slipUnused')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </div>
      <div className="slip-sheet">
        {printed.map((i) => (
          <Slip key={i.kode} batch={b} code={i.kode} />
        ))}
      </div>
    </main>
  );
}

function Slip({ batch, code }: { batch: SkmKodeBatch; code: string }) {
  // The slips always speak Indonesian: they are handed out at an Indonesian counter.
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('id');
  const base = `${window.location.origin}/survei/${batch.kode}`;
  const url = `${base}?kode=${encodeURIComponent(code)}`;
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then((s) => {
      if (alive) setSvg(s);
    });
    return () => {
      alive = false;
    };
  }, [url]);
  return (
    <section className="slip" aria-label={t('skm.slipRegion', { kode: code })}>
      <div
        className="slip-qr"
        role="img"
        aria-label={t('skm.slipQr', { kode: code })}
        // The SVG comes from the qrcode library for a URL we built from a server-made code.
        dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
      />
      <div className="slip-text">
        <p className="slip-kicker">{t('skm.posterKicker')}</p>
        <p className="slip-unit">
          {t(`skm.levelWord.${batch.level}`)} {batch.nama}
        </p>
        <p className="slip-heading">{t('skm.slipHeading')}</p>
        <p className="slip-scan">{t('skm.slipScan', { url: base.replace(/^https?:\/\//, '') })}</p>
        <p className="slip-code">{code}</p>
        <p className="slip-foot">{t('skm.slipFoot')}</p>
      </div>
    </section>
  );
}
