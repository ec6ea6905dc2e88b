import { i18next } from './i18n/i18n';

/** Minutes as a person reads them: "45 menit", "2 jam 30 menit" (UI language). */
export function formatMenit(menit: number): string {
  if (Math.abs(menit) < 60) return i18next.t('kinerja.menit', { count: menit });
  return i18next.t('kinerja.jamMenit', { jam: Math.floor(menit / 60), menit: menit % 60 });
}
