import { splitCatalogue } from '../../i18n/bilingual.js';

/** The versions drawer's and numbers page's words (see i18n/bilingual.ts). */
export const versionsMessages = splitCatalogue({});
