import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { id } from './id';
import { type Language, languages, storeLanguage } from './language-store';

export { type Language, languages };

export function currentLanguage(): Language {
  return i18next.resolvedLanguage === 'en' ? 'en' : 'id';
}

/** Intl locale for numbers and dates: id-ID, or British English (day-month order) when English is chosen. */
export function currentLocale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'id-ID';
}

/**
 * Bahasa Indonesia ships with every page; English (the second language) is fetched the first time
 * someone chooses it, so the pages most people open stay small.
 */
export async function loadLanguage(lang: Language) {
  if (lang === 'id' || i18next.hasResourceBundle(lang, 'translation')) return;
  const { en } = await import('./en');
  i18next.addResourceBundle('en', 'translation', en);
}

const kinerjaTexts = {
  id: () => import('./kinerja-texts-id'),
  en: () => import('./kinerja-texts-en'),
} as const;
let kinerjaWanted = false;
const kinerjaLoaded = new Set<Language>();

async function addKinerjaTexts(lang: Language) {
  if (kinerjaLoaded.has(lang)) return;
  const { texts } = await kinerjaTexts[lang]();
  i18next.addResourceBundle(lang, 'translation', texts, true, true);
  kinerjaLoaded.add(lang);
}

/**
 * The texts of the kinerja pages (about 6 KB gzipped): fetched with the first of those pages rather than
 * with every page, and again in the other language once one of them was opened.
 */
export async function loadKinerjaTexts() {
  kinerjaWanted = true;
  await addKinerjaTexts(currentLanguage());
}

export async function setLanguage(lang: Language) {
  storeLanguage(lang);
  await loadLanguage(lang);
  if (kinerjaWanted) await addKinerjaTexts(lang);
  await i18next.changeLanguage(lang);
}

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18next.use(initReactI18next).init({
  resources: { id: { translation: id } },
  // The stored language is applied by `setLanguage` once its dictionary is here (main.tsx).
  lng: 'id',
  fallbackLng: 'id',
  supportedLngs: languages,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export { i18next };
