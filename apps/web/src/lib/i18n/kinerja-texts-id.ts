import { kepegawaianId } from './kepegawaian-id';
import { kinerjaId } from './kinerja-id';

/** The texts of the kinerja pages (Bahasa Indonesia), fetched with the first of them (i18n.ts). */
export const texts = { kinerja: kinerjaId, kepegawaian: kepegawaianId };
export type KinerjaTexts = typeof texts;
