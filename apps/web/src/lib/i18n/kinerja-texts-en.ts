import { kepegawaianEn } from './kepegawaian-en';
import { kinerjaEn } from './kinerja-en';
import type { KinerjaTexts } from './kinerja-texts-id';

/** The texts of the kinerja pages in English, fetched with the first of them when English is chosen. */
export const texts: KinerjaTexts = { kinerja: kinerjaEn, kepegawaian: kepegawaianEn };
