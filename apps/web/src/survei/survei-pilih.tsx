import type { SkmUnits } from '@sip/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { paths } from '@/config/paths';
import { ApiError } from '@/lib/http';
import { surveiId } from '@/lib/i18n/survei-id';
import { createTranslate } from '@/lib/i18n/translate';
import { fetchUnits } from './survei-api';

const t = createTranslate(surveiId);

/**
 * The survey without a QR code (/survei): the citizen picks his kecamatan, then the kelurahan or the
 * kecamatan office that served him, and goes on to that unit's survey. Two native selects: they work
 * with any phone's own picker and screen reader.
 */
export function SurveiPilih({ pemda }: { pemda: string }) {
  const [units, setUnits] = useState<SkmUnits | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [kecamatan, setKecamatan] = useState('');
  const [unit, setUnit] = useState('');
  const [errors, setErrors] = useState<{ kecamatan?: string; unit?: string }>({});
  const kecamatanRef = useRef<HTMLSelectElement>(null);
  const unitRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    document.title = t('pilih.documentTitle');
    let cancelled = false;
    fetchUnits(pemda, { network: t('loadFailed'), unknown: t('unknownError') })
      .then((u) => {
        if (!cancelled) setUnits(u);
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        setLoadError(err instanceof ApiError && err.code !== 'NETWORK' ? err.message : t('loadFailed'));
      });
    return () => {
      cancelled = true;
    };
  }, [pemda]);

  const chosen = units?.kecamatan.find((k) => k.kode === kecamatan);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!kecamatan) {
      setErrors({ kecamatan: t('pilih.kecamatanMissing') });
      kecamatanRef.current?.focus();
      return;
    }
    if (!unit) {
      setErrors({ unit: t('pilih.unitMissing') });
      unitRef.current?.focus();
      return;
    }
    window.location.assign(paths.survei.unit.getHref(unit));
  };

  return (
    <main className="page">
      <header className="top">
        <p className="brand">{t('brand')}</p>
        <h1>
          {t('pilih.heading')}
          {units ? <span className="sub">{units.pemdaNama}</span> : null}
        </h1>
      </header>
      {loadError ? (
        <div className="notice error" role="alert">
          <p>{loadError}</p>
        </div>
      ) : !units ? (
        <p className="status" role="status">
          {t('pilih.loading')}
        </p>
      ) : (
        <form noValidate onSubmit={submit}>
          <div className="intro">
            <p>{t('pilih.intro')}</p>
          </div>
          <div className="question">
            <div className="field">
              <label htmlFor="pilih-kecamatan">{t('pilih.kecamatan')}</label>
              <select
                id="pilih-kecamatan"
                ref={kecamatanRef}
                value={kecamatan}
                aria-invalid={errors.kecamatan ? true : undefined}
                aria-describedby={errors.kecamatan ? 'galat-kecamatan' : undefined}
                onChange={(e) => {
                  setKecamatan(e.target.value);
                  setUnit('');
                  setErrors({});
                }}
              >
                <option value="">{t('pilih.kecamatanPlaceholder')}</option>
                {units.kecamatan.map((k) => (
                  <option key={k.kode} value={k.kode}>
                    {k.nama}
                  </option>
                ))}
              </select>
              {errors.kecamatan ? (
                <p className="field-error" id="galat-kecamatan">
                  {errors.kecamatan}
                </p>
              ) : null}
            </div>
            <div className="field">
              <label htmlFor="pilih-unit">{t('pilih.unit')}</label>
              <select
                id="pilih-unit"
                ref={unitRef}
                value={unit}
                disabled={!chosen}
                aria-invalid={errors.unit ? true : undefined}
                aria-describedby={errors.unit ? 'galat-unit' : chosen ? undefined : 'pilih-unit-info'}
                onChange={(e) => {
                  setUnit(e.target.value);
                  setErrors({});
                }}
              >
                <option value="">{t('pilih.unitPlaceholder')}</option>
                {chosen ? (
                  <>
                    <option value={chosen.kode}>{t('pilih.kantorKecamatan', { nama: chosen.nama })}</option>
                    {chosen.kelurahan.map((l) => (
                      <option key={l.kode} value={l.kode}>
                        {t('unit.kelurahan', { nama: l.nama })}
                      </option>
                    ))}
                  </>
                ) : null}
              </select>
              {errors.unit ? (
                <p className="field-error" id="galat-unit">
                  {errors.unit}
                </p>
              ) : chosen ? null : (
                <p className="muted small" id="pilih-unit-info">
                  {t('pilih.unitFirst')}
                </p>
              )}
            </div>
          </div>
          <div className="submit">
            <button type="submit">{t('pilih.start')}</button>
          </div>
        </form>
      )}
    </main>
  );
}
