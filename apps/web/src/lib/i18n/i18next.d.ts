import 'i18next';
import type { id } from './id';
import type { KinerjaTexts } from './kinerja-texts-id';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // The kinerja pages' texts are added to the shell's when the first of those pages opens.
    resources: {
      translation: Omit<typeof id, 'kinerja'> & {
        kinerja: typeof id.kinerja & KinerjaTexts['kinerja'];
      } & Omit<KinerjaTexts, 'kinerja'>;
    };
  }
}
