import type { Bantuan, Me } from '@sip/contracts';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { paths } from '@/config/paths';
import { DEFAULT_PEMDA } from '@/config/pemda';
import { fieldErrors, isApiError } from '@/lib/http';
import type { Language } from '@/lib/i18n/language-store';
import { publicEn } from '@/lib/i18n/public-en';
import { publicId } from '@/lib/i18n/public-id';
import { createTranslate } from '@/lib/i18n/translate';
import { bantuanContact, requestLogin, requestLoginTotp } from '../api/login-request';
import './login-page.css';

type Field = 'username' | 'password';

export interface LoginPageProps {
  language: Language;
  onLanguageChange: (lang: Language) => void;
  /** `alasan` from the address: 'sesi-berakhir' or 'keluar' show a note above the form. */
  reason: string | null;
  onSuccess: (user: Me, csrfToken: string) => void;
}

/**
 * The login page: plain React and CSS (no Mantine, no router, no i18next), so the light entry
 * masuk.html can open it fast on a phone; the app shows the same page at /masuk after a logout.
 */
const translations = { id: createTranslate(publicId), en: createTranslate(publicEn) };

export function LoginPage({ language, onLanguageChange, reason, onSuccess }: LoginPageProps) {
  const t = translations[language];
  const next: Language = language === 'en' ? 'id' : 'en';
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  /** After a right password on an account with a second factor: the challenge and its CSRF token. */
  const [challenge, setChallenge] = useState<{ challenge: string; csrfToken: string } | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  // Where to ask for help, as the pemda's admin set it (the general line until then).
  const [bantuan, setBantuan] = useState<Bantuan | null>(null);
  useEffect(() => {
    void bantuanContact(DEFAULT_PEMDA).then(setBantuan);
  }, []);
  const codeRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);
  // The code step takes the focus once it is on the page (after React has rendered it, however busy
  // the machine: a frame callback could run before that render).
  const onCodeStep = challenge !== null;
  useEffect(() => {
    if (onCodeStep) codeRef.current?.focus();
  }, [onCodeStep]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const name = username.trim();
    const found: Partial<Record<Field, string>> = {};
    if (!name) found.username = t('login.usernameRequired');
    if (!password) found.password = t('login.passwordRequired');
    setErrors(found);
    setFailure(null);
    if (found.username || found.password) {
      (found.username ? usernameRef : passwordRef).current?.focus();
      return;
    }
    setPending(true);
    try {
      const step = await requestLogin(name, password, {
        network: t('login.networkError'),
        unknown: t('login.failed'),
      });
      if ('totpRequired' in step) {
        setChallenge({ challenge: step.challenge, csrfToken: step.csrfToken });
        setPassword('');
        setPending(false);
        return;
      }
      onSuccess(step.user, step.csrfToken);
    } catch (error) {
      const found = fieldErrors(error);
      const fields = { username: found.username, password: found.password };
      if (fields.username || fields.password) setErrors(fields);
      else setFailure(isApiError(error) ? error.message : t('login.failed'));
      setPassword('');
      setPending(false);
      passwordRef.current?.focus();
    }
  }

  async function handleCode(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || !challenge) return;
    const value = code.trim();
    setFailure(null);
    if (!value) {
      setCodeError(t('login.totpRequired'));
      codeRef.current?.focus();
      return;
    }
    setCodeError(null);
    setPending(true);
    try {
      const { user, csrfToken } = await requestLoginTotp(challenge.challenge, value, challenge.csrfToken, {
        network: t('login.networkError'),
        unknown: t('login.failed'),
      });
      onSuccess(user, csrfToken);
    } catch (error) {
      const expired = isApiError(error) && error.status === 401 && error.code === 'UNAUTHENTICATED';
      setFailure(isApiError(error) ? error.message : t('login.failed'));
      if (expired) setChallenge(null);
      setCode('');
      setPending(false);
      (expired ? passwordRef : codeRef).current?.focus();
    }
  }

  const fieldProps = (field: Field) => ({
    id: `lp-${field}`,
    name: field,
    required: true,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `lp-${field}-error` : undefined,
  });

  return (
    <div className="lp-root">
      <header className="lp-top">
        <button
          type="button"
          className="lp-button lp-button-default"
          lang={next}
          title={t('language.switchHint')}
          onClick={() => onLanguageChange(next)}
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" className="lp-icon">
            <path d="M9 6.371c0 4.418 -2.239 6.629 -5 6.629M4 6.371h7M5 9c0 2.144 2.252 3.908 6 4M12 20l4 -9l4 9M19.1 18h-6.2M6.694 3l.793 .582" />
          </svg>
          {t('language.switchTo')}
        </button>
      </header>
      <main className="lp-main">
        <div className="lp-brand">
          <span className="lp-logo" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" className="lp-icon">
              <path d="M8 9l5 5v7h-5v-4m0 4h-5v-7l5 -5m1 1v-6a1 1 0 0 1 1 -1h10a1 1 0 0 1 1 1v17h-8M13 7l0 .01M17 7l0 .01M17 11l0 .01M17 15l0 .01" />
            </svg>
          </span>
          <h1>{t('app.name')}</h1>
          <p className="lp-muted">{t('app.tagline')}</p>
        </div>
        <section className="lp-card" aria-labelledby="lp-heading">
          <h2 id="lp-heading">{t('login.heading')}</h2>
          {reason === 'sesi-berakhir' ? (
            <div className="lp-note lp-note-warn" role="status">
              <p className="lp-note-title">{t('login.sessionExpired')}</p>
              <p>{t('login.sessionExpiredBody')}</p>
            </div>
          ) : null}
          {reason === 'tidak-aktif' ? (
            <div className="lp-note lp-note-warn" role="status">
              <p className="lp-note-title">{t('login.idleEnded')}</p>
              <p>{t('login.idleEndedBody')}</p>
            </div>
          ) : null}
          {reason === 'keluar' ? (
            <div className="lp-note lp-note-info" role="status">
              <p>{t('login.loggedOut')}</p>
            </div>
          ) : null}
          {challenge ? (
            <form onSubmit={handleCode} noValidate aria-describedby={failure ? 'login-error' : undefined}>
              <h3 className="lp-step-heading">{t('login.totpHeading')}</h3>
              <p className="lp-muted">{t('login.totpIntro')}</p>
              {failure ? (
                <div id="login-error" className="lp-note lp-note-error" role="alert">
                  <p className="lp-note-title">{t('login.failed')}</p>
                  <p>{failure}</p>
                </div>
              ) : null}
              <div className="lp-field">
                <label htmlFor="lp-code">
                  {t('login.totpCode')}
                  <span className="lp-required" aria-hidden="true">
                    {' '}
                    *
                  </span>
                </label>
                <input
                  ref={codeRef}
                  id="lp-code"
                  name="code"
                  required
                  type="text"
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  autoCapitalize="none"
                  spellCheck={false}
                  maxLength={20}
                  value={code}
                  aria-invalid={codeError ? true : undefined}
                  aria-describedby={codeError ? 'lp-code-error' : undefined}
                  onChange={(e) => setCode(e.currentTarget.value)}
                />
                {codeError ? (
                  <p id="lp-code-error" className="lp-field-error">
                    {codeError}
                  </p>
                ) : null}
              </div>
              <button
                type="submit"
                className="lp-button lp-button-primary lp-submit"
                aria-busy={pending || undefined}
              >
                {pending ? <span className="lp-spinner" aria-hidden="true" /> : null}
                {t('login.totpSubmit')}
              </button>
              <button
                type="button"
                className="lp-button lp-button-default lp-submit"
                onClick={() => {
                  setChallenge(null);
                  setFailure(null);
                  setCode('');
                }}
              >
                {t('login.totpBack')}
              </button>
              <p className="lp-sr-only" role="status">
                {pending ? t('login.submitting') : ''}
              </p>
            </form>
          ) : (
            <form onSubmit={handleSubmit} noValidate aria-describedby={failure ? 'login-error' : undefined}>
              {failure ? (
                <div id="login-error" className="lp-note lp-note-error" role="alert">
                  <p className="lp-note-title">{t('login.failed')}</p>
                  <p>{failure}</p>
                </div>
              ) : null}
              <div className="lp-field">
                <label htmlFor="lp-username">
                  {t('login.username')}
                  <span className="lp-required" aria-hidden="true">
                    {' '}
                    *
                  </span>
                </label>
                <input
                  ref={usernameRef}
                  {...fieldProps('username')}
                  type="text"
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  maxLength={50}
                  value={username}
                  onChange={(e) => setUsername(e.currentTarget.value)}
                />
                {errors.username ? (
                  <p id="lp-username-error" className="lp-field-error">
                    {errors.username}
                  </p>
                ) : null}
              </div>
              <div className="lp-field">
                <label htmlFor="lp-password">
                  {t('login.password')}
                  <span className="lp-required" aria-hidden="true">
                    {' '}
                    *
                  </span>
                </label>
                <div className="lp-password">
                  <input
                    ref={passwordRef}
                    {...fieldProps('password')}
                    type={showPassword ? 'text' : 'password'}
                    autoComplete="current-password"
                    maxLength={200}
                    value={password}
                    onChange={(e) => setPassword(e.currentTarget.value)}
                  />
                  <button
                    type="button"
                    className="lp-reveal"
                    aria-label={t('login.showPassword')}
                    aria-pressed={showPassword}
                    aria-controls="lp-password"
                    onClick={() => setShowPassword((v) => !v)}
                  >
                    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" className="lp-icon">
                      {showPassword ? (
                        <path d="M10.585 10.587a2 2 0 0 0 2.829 2.828M16.681 16.673a8.717 8.717 0 0 1 -4.681 1.327c-3.6 0 -6.6 -2 -9 -6c1.272 -2.12 2.712 -3.678 4.32 -4.674m2.86 -1.146a9.055 9.055 0 0 1 1.82 -.18c3.6 0 6.6 2 9 6c-.666 1.11 -1.379 2.067 -2.138 2.87M3 3l18 18" />
                      ) : (
                        <path d="M10 12a2 2 0 1 0 4 0a2 2 0 0 0 -4 0M21 12c-2.4 4 -5.4 6 -9 6c-3.6 0 -6.6 -2 -9 -6c2.4 -4 5.4 -6 9 -6c3.6 0 6.6 2 9 6" />
                      )}
                    </svg>
                  </button>
                </div>
                {errors.password ? (
                  <p id="lp-password-error" className="lp-field-error">
                    {errors.password}
                  </p>
                ) : null}
              </div>
              <button
                type="submit"
                className="lp-button lp-button-primary lp-submit"
                aria-busy={pending || undefined}
              >
                {pending ? <span className="lp-spinner" aria-hidden="true" /> : null}
                {t('login.submit')}
              </button>
              <p className="lp-sr-only" role="status">
                {pending ? t('login.submitting') : ''}
              </p>
            </form>
          )}
          <p className="lp-help">
            <a href={paths.lupaSandi.getHref()}>{t('login.forgot')}</a>
          </p>
          {bantuan ? (
            <p className="lp-help">
              {t('login.helpContact', { nama: bantuan.nama })}
              {bantuan.telepon ? (
                <>
                  {' · '}
                  <a href={`tel:${bantuan.telepon.replace(/[^0-9+]/g, '')}`}>{bantuan.telepon}</a>
                </>
              ) : null}
              {bantuan.email ? (
                <>
                  {' · '}
                  <a href={`mailto:${bantuan.email}`}>{bantuan.email}</a>
                </>
              ) : null}
              {bantuan.jamLayanan ? ` (${bantuan.jamLayanan})` : null}
            </p>
          ) : (
            <p className="lp-help">{t('login.help')}</p>
          )}
        </section>
        <nav className="lp-public" aria-label={t('login.publicHeading')}>
          <a href={paths.publicLatest.getHref()}>{t('login.rankings')}</a>
          <a href={paths.survei.entry.getHref()}>{t('login.survey')}</a>
        </nav>
        <p className="lp-owner">{t('app.owner')}</p>
        <p className="lp-owner">{t('app.attribution')}</p>
      </main>
    </div>
  );
}
