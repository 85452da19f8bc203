import { splitCatalogue } from '../../i18n/bilingual.js';

/** The test call panel's words (see i18n/bilingual.ts). */
export const testCallMessages = splitCatalogue({});
