import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSkmPosterUnits } from '../api/get-skm-posters';
import './skm-posters.css';

/**
 * Printable A4 posters, one per page: the unit's QR code (SVG, crisp at any size) and its short
 * URL. For a kecamatan: its own poster, then one per kelurahan, in one document.
 */
export function SkmPosters({ kode, backHref }: { kode: string; backHref: string }) {
  const { t, i18n } = useTranslation();
  // The posters speak Indonesian whatever the UI language: they hang in an Indonesian office.
  const tId = i18n.getFixedT('id');
  const units = useSkmPosterUnits(kode);
  const origin = window.location.origin;

  if (units.isPending) return <p className="poster-status">{t('skm.posterTitle')}…</p>;
  if (units.isError) {
    return (
      <p className="poster-status" role="alert">
        {units.error.message}
      </p>
    );
  }
  return (
    <div className="posters">
      <div className="poster-toolbar">
        <a href={backHref}>← {t('skm.openReport')}</a>
        <h1>
          {t('skm.posterTitle')} ({units.data.items.length})
        </h1>
        <p>{t('skm.posterIntro')}</p>
        <button type="button" onClick={() => window.print()}>
          {t('skm.print')}
        </button>
      </div>
      {units.data.items.map((u) => (
        <Poster
          key={u.kode}
          url={`${origin}/survei/${u.kode}`}
          nama={`${tId(`skm.levelWord.${u.level}`)} ${u.nama}`}
          induk={
            u.level === 'kelurahan_desa' && u.indukNama
              ? `${tId('skm.levelWord.kecamatan')} ${u.indukNama}`
              : null
          }
        />
      ))}
    </div>
  );
}

function Poster({ url, nama, induk }: { url: string; nama: string; induk: string | null }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then((s) => {
      if (alive) setSvg(s);
    });
    return () => {
      alive = false;
    };
  }, [url]);
  // The poster always speaks Indonesian: it hangs in an Indonesian office.
  const { i18n } = useTranslation();
  const t = i18n.getFixedT('id');
  return (
    <section className="poster" aria-label={t('skm.posterRegion', { nama })}>
      <p className="poster-kicker">{t('skm.posterKicker')}</p>
      <h2 className="poster-unit">{nama}</h2>
      {induk ? <p className="poster-induk">{induk}</p> : null}
      <p className="poster-heading">{t('skm.posterHeading')}</p>
      <p className="poster-body">{t('skm.posterBody')}</p>
      <div
        className="poster-qr"
        role="img"
        aria-label={t('skm.posterQr', { url })}
        // The SVG comes from the qrcode library for a URL we built; it holds no user input.
        dangerouslySetInnerHTML={svg ? { __html: svg } : undefined}
      />
      <p className="poster-scan">{t('skm.posterScan')}</p>
      <p className="poster-url">{url.replace(/^https?:\/\//, '')}</p>
      <p className="poster-foot">{t('skm.posterFoot')}</p>
    </section>
  );
}
