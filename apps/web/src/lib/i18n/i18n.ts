import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { id } from './id';
import { type Language, languages, storedLanguage, storeLanguage } from './language-store';

export { type Language, languages };

export function currentLanguage(): Language {
  return i18next.resolvedLanguage === 'en' ? 'en' : 'id';
}

/** Intl locale for numbers and dates: id-ID, or British English (day-month order) when English is chosen. */
export function currentLocale(): string {
  return currentLanguage() === 'en' ? 'en-GB' : 'id-ID';
}

export async function setLanguage(lang: Language) {
  storeLanguage(lang);
  await i18next.changeLanguage(lang);
}

i18next.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

void i18next.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'id',
  supportedLngs: languages,
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});

export { i18next };
