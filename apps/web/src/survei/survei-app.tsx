import type { SkmAltchaPayload, SkmFormResponse } from '@sip/contracts';
// The plain-data entry of the contracts: the schemas (zod) stay out of this bundle.
import {
  SKM_HONEYPOT_FIELD,
  SKM_LAYANAN_MAX,
  SKM_SARAN_MAX,
  type SkmProfilField,
  type SkmUnsurKey,
  skmProfilLabels,
  skmProfilOptions,
} from '@sip/contracts/skm-options';
import { SKM_UNSUR } from '@sip/scoring';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { ApiError, fieldErrors, isApiError } from '@/lib/http';
import { surveiId } from '@/lib/i18n/survei-id';
import { createTranslate } from '@/lib/i18n/translate';
import { startPow } from './pow';
import { fetchForm, loadDeviceToken, newUuid, saveDeviceToken, submitAnswers } from './survei-api';

const t = createTranslate(surveiId);

type Phase =
  | { kind: 'loading' }
  | { kind: 'unavailable'; message: string }
  | { kind: 'form' }
  | { kind: 'done'; message: string; already?: boolean };

const LETTERS = ['a', 'b', 'c', 'd'] as const;

const unitTitle = (f: SkmFormResponse) =>
  t(f.level === 'kecamatan' ? 'unit.kecamatan' : 'unit.kelurahan', { nama: f.nama });

export function SurveiApp({ kode, kodeLayanan }: { kode: string; kodeLayanan?: string | undefined }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [form, setForm] = useState<SkmFormResponse | null>(null);
  const pow = useRef<Promise<SkmAltchaPayload> | null>(null);

  useEffect(() => {
    let cancelled = false;
    fetchForm(kode, { network: t('loadFailed'), unknown: t('unknownError') })
      .then((f) => {
        if (cancelled) return;
        setForm(f);
        document.title = t('documentTitle', { unit: unitTitle(f) });
        if (f.sudahHariIni) {
          // Said at once, not after the person has answered nine questions.
          setPhase({ kind: 'done', message: t('alreadyToday'), already: true });
          return;
        }
        // The proof-of-work runs while the person answers; the submit waits for it if needed.
        pow.current = startPow(f.altcha);
        pow.current.catch(() => {}); // Reported when the form is sent.
        setPhase({ kind: 'form' });
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        setPhase({
          kind: 'unavailable',
          message: err instanceof ApiError && err.code !== 'NETWORK' ? err.message : t('loadFailed'),
        });
      });
    return () => {
      cancelled = true;
    };
  }, [kode]);

  return (
    <main className="page">
      <header className="top">
        <p className="brand">{t('brand')}</p>
        {form ? (
          <h1>
            {unitTitle(form)}
            {form.indukNama && form.level !== 'kecamatan' ? (
              <span className="sub">{t('induk', { nama: form.indukNama })}</span>
            ) : null}
          </h1>
        ) : (
          <h1>{t('heading')}</h1>
        )}
      </header>
      {phase.kind === 'loading' ? (
        <p className="status" role="status">
          {t('loading')}
        </p>
      ) : null}
      {phase.kind === 'unavailable' ? (
        <div className="notice error" role="alert">
          <p>{phase.message}</p>
        </div>
      ) : null}
      {phase.kind === 'form' && form ? (
        <SurveiForm
          kode={kode}
          form={form}
          pow={pow.current}
          initialKodeLayanan={kodeLayanan ?? ''}
          onDone={(message, already) => setPhase({ kind: 'done', message, already })}
        />
      ) : null}
      {phase.kind === 'done' && form ? <ThankYou unit={unitTitle(form)} {...phase} /> : null}
    </main>
  );
}

function ThankYou({ unit, message, already }: { unit: string; message: string; already?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="thanks" aria-labelledby="terima-kasih">
      <div className="check" aria-hidden="true">
        ✓
      </div>
      <h2 id="terima-kasih" ref={heading} tabIndex={-1}>
        {already ? t('thanks.titleAlready') : t('thanks.title')}
      </h2>
      <p>{already ? message : t('thanks.received')}</p>
      <p>{t('thanks.effect', { unit })}</p>
      <p className="muted">{t('thanks.close')}</p>
    </section>
  );
}

interface Props {
  kode: string;
  form: SkmFormResponse;
  pow: Promise<SkmAltchaPayload> | null;
  initialKodeLayanan: string;
  onDone: (message: string, already?: boolean) => void;
}

function SurveiForm({ kode, form, pow, initialKodeLayanan, onDone }: Props) {
  const [jawaban, setJawaban] = useState<Partial<Record<SkmUnsurKey, number>>>({});
  const [profil, setProfil] = useState<Partial<Record<SkmProfilField, string>>>({});
  const [layanan, setLayanan] = useState('');
  const [saran, setSaran] = useState('');
  const [honeypot, setHoneypot] = useState('');
  const [kodeLayanan, setKodeLayanan] = useState(initialKodeLayanan);
  const [kodeInvalid, setKodeInvalid] = useState(false);
  const [mustReload, setMustReload] = useState(false);
  const [checking, setChecking] = useState(false);
  const showKode = form.kodeLayananWajib || initialKodeLayanan !== '';
  const [missing, setMissing] = useState<SkmUnsurKey[]>([]);
  const [serverError, setServerError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [waitSeconds, setWaitSeconds] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  // One key per filled form: a retry after a dropped connection is the same submission.
  const idempotencyKey = useRef(newUuid());
  const openedAt = useRef(Date.now());

  const answered = SKM_UNSUR.filter((u) => jawaban[u.key] !== undefined).length;

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const notAnswered = SKM_UNSUR.filter((u) => jawaban[u.key] === undefined).map((u) => u.key);
    setMissing(notAnswered);
    setServerError(null);
    setKodeInvalid(false);
    if (notAnswered.length > 0) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setSending(true);
    try {
      // The server refuses forms sent faster than a person reads them (anti-bot). A quick person
      // just sees "Mengirim…" a moment longer instead of a refusal.
      const wait = form.minFillSeconds * 1000 + 500 - (Date.now() - openedAt.current);
      if (wait > 0) {
        setWaitSeconds(Math.ceil(wait / 1000));
        await new Promise((r) => setTimeout(r, wait));
        setWaitSeconds(0);
      }
      let altcha: SkmAltchaPayload;
      try {
        setChecking(true);
        if (!pow) throw new Error('pow-missing');
        altcha = await pow;
      } catch {
        setServerError(t('powFailed'));
        setMustReload(true);
        requestAnimationFrame(() => summary.current?.focus());
        return;
      } finally {
        setChecking(false);
      }
      const deviceToken = loadDeviceToken();
      const res = await submitAnswers(
        kode,
        {
          formToken: form.formToken,
          altcha,
          ...(deviceToken ? { deviceToken } : {}),
          ...(kodeLayanan.trim() ? { kodeLayanan: kodeLayanan.trim() } : {}),
          idempotencyKey: idempotencyKey.current,
          [SKM_HONEYPOT_FIELD]: honeypot,
          jawaban: jawaban as Record<SkmUnsurKey, number>,
          profil: Object.fromEntries(Object.entries(profil).filter(([, v]) => v)),
          ...(layanan.trim() ? { layanan: layanan.trim() } : {}),
          ...(saran.trim() ? { saran: saran.trim() } : {}),
        },
        { network: t('connectionLost'), unknown: t('unknownError') },
      );
      if (res.deviceToken) saveDeviceToken(res.deviceToken);
      onDone(res.pesan, res.ulang);
    } catch (err) {
      if (isApiError(err, 'CONFLICT')) {
        onDone(err.message, true);
        return;
      }
      // A used form or an expired one: only a fresh page (a new form and challenge) helps.
      const fields = fieldErrors(err);
      if (isApiError(err, 'FORM_USED') || fields.formToken || fields.altcha) setMustReload(true);
      if (fields.kodeLayanan) setKodeInvalid(true);
      setServerError(err instanceof ApiError ? err.message : t('unknownError'));
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setSending(false);
    }
  }

  const showSummary = missing.length > 0 || serverError;
  return (
    <form onSubmit={onSubmit} noValidate aria-describedby="pengantar">
      <div id="pengantar" className="intro">
        <p>
          {t('intro.before')}
          <strong>{t('intro.anonymous')}</strong>
          {t('intro.after')}
        </p>
      </div>

      <div
        ref={summary}
        tabIndex={-1}
        className={showSummary ? 'notice error' : 'visually-hidden'}
        role="alert"
        aria-live="assertive"
      >
        {serverError ? <p>{serverError}</p> : null}
        {mustReload ? (
          <button type="button" className="secondary" onClick={() => window.location.reload()}>
            {t('reload')}
          </button>
        ) : null}
        {missing.length > 0 ? (
          <>
            <p>{missing.length === 1 ? t('missingOne') : t('missingMany', { count: missing.length })}</p>
            <ul>
              {missing.map((key) => {
                const i = SKM_UNSUR.findIndex((u) => u.key === key);
                return (
                  <li key={key}>
                    <a href={`#unsur-${key}`}>
                      {t('missingItem', { n: i + 1, nama: SKM_UNSUR[i]?.nama ?? '' })}
                    </a>
                  </li>
                );
              })}
            </ul>
          </>
        ) : null}
      </div>

      {showKode ? (
        <div className="question">
          <div className="field">
            <label htmlFor="kode-layanan">
              {form.kodeLayananWajib ? t('kodeLayanan') : t('kodeLayananOptional')}
            </label>
            <input
              id="kode-layanan"
              type="text"
              inputMode="text"
              autoCapitalize="characters"
              autoComplete="off"
              spellCheck={false}
              maxLength={20}
              required={form.kodeLayananWajib}
              aria-required={form.kodeLayananWajib || undefined}
              aria-invalid={kodeInvalid || undefined}
              aria-describedby="kode-layanan-info"
              value={kodeLayanan}
              onChange={(e) => setKodeLayanan(e.target.value)}
            />
            <p id="kode-layanan-info" className="muted small">
              {t('kodeLayananHint')}
            </p>
          </div>
        </div>
      ) : null}

      <ol className="questions">
        {SKM_UNSUR.map((u, i) => {
          const invalid = missing.includes(u.key) && jawaban[u.key] === undefined;
          return (
            <li key={u.key}>
              <fieldset
                id={`unsur-${u.key}`}
                className={invalid ? 'question invalid' : 'question'}
                aria-describedby={invalid ? `galat-${u.key}` : undefined}
              >
                <legend>
                  <span className="num">{i + 1}.</span> <span className="unsur">{u.nama}</span>
                  <span className="tanya">{u.tanya}</span>
                </legend>
                {invalid ? (
                  <p className="field-error" id={`galat-${u.key}`}>
                    {t('pickOne')}
                  </p>
                ) : null}
                <div className="options">
                  {u.jawaban.map((label, j) => (
                    <label key={label} className="option">
                      <input
                        type="radio"
                        name={u.key}
                        value={j + 1}
                        checked={jawaban[u.key] === j + 1}
                        onChange={() => setJawaban((prev) => ({ ...prev, [u.key]: j + 1 }))}
                        aria-invalid={invalid || undefined}
                      />
                      <span>
                        <span className="letter" aria-hidden="true">
                          {LETTERS[j]}.
                        </span>{' '}
                        {label}
                      </span>
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>

      <fieldset className="question profile">
        <legend>
          <span className="unsur">{t('about')}</span>
          <span className="tanya">{t('aboutHint')}</span>
        </legend>
        {(Object.keys(skmProfilOptions) as SkmProfilField[]).map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`profil-${field}`}>{skmProfilLabels[field]}</label>
            <select
              id={`profil-${field}`}
              value={profil[field] ?? ''}
              onChange={(e) => setProfil((prev) => ({ ...prev, [field]: e.target.value }))}
            >
              <option value="">{t('noAnswer')}</option>
              {skmProfilOptions[field].map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        ))}
      </fieldset>

      <div className="question">
        <div className="field">
          <label htmlFor="layanan">{t('layanan')}</label>
          <input
            id="layanan"
            type="text"
            maxLength={SKM_LAYANAN_MAX}
            placeholder={t('layananPlaceholder')}
            value={layanan}
            onChange={(e) => setLayanan(e.target.value)}
            autoComplete="off"
          />
        </div>
        <div className="field">
          <label htmlFor="saran">{t('saran')}</label>
          <textarea
            id="saran"
            rows={4}
            maxLength={SKM_SARAN_MAX}
            value={saran}
            onChange={(e) => setSaran(e.target.value)}
            aria-describedby="saran-info"
          />
          <p id="saran-info" className="muted small">
            {t('saranInfo', { length: saran.length, max: SKM_SARAN_MAX })}
          </p>
        </div>
      </div>

      {/* Honeypot: hidden from people and assistive technology; bots that fill every field give themselves away. */}
      <div className="hp" aria-hidden="true">
        <label htmlFor={SKM_HONEYPOT_FIELD}>{t('honeypot')}</label>
        <input
          id={SKM_HONEYPOT_FIELD}
          name={SKM_HONEYPOT_FIELD}
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={honeypot}
          onChange={(e) => setHoneypot(e.target.value)}
        />
      </div>

      <div className="submit">
        <p className="muted small">{t('answered', { n: answered })}</p>
        <p className="muted small" role="status">
          {waitSeconds > 0 ? t('waitAntiBot', { n: waitSeconds }) : ''}
        </p>
        <button type="submit" disabled={sending} aria-busy={sending}>
          {checking ? t('checking') : sending ? t('sending') : t('send')}
        </button>
      </div>
    </form>
  );
}
