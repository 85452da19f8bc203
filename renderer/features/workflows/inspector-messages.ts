import { splitCatalogue } from '../../i18n/bilingual.js';

/** The step inspectors' words (see i18n/bilingual.ts). */
export const inspectorMessages = splitCatalogue({});
