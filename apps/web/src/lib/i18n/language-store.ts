/** The chosen UI language, remembered in this browser (read by the app and by the light login page). */
export const languages = ['id', 'en'] as const;
export type Language = (typeof languages)[number];

const STORAGE_KEY = 'sip.bahasa';

export function storedLanguage(): Language {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'id';
  } catch {
    // Storage can be blocked (private mode, policies); Indonesian is the default anyway.
    return 'id';
  }
}

export function storeLanguage(lang: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Not remembered, but still switched for this visit.
  }
}
