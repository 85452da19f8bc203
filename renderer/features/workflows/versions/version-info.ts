import type { WorkflowVersion } from '../../../../shared/domain/workflows.js';
import type { Locale } from '../../../i18n/translate.js';

/** The number of the version `version` was restored from by a rollback, else null. */
export function restoredFromNumber(version: WorkflowVersion, all: readonly WorkflowVersion[]): number | null {
  const id = version.restoredFromId;
  if (!id) return null;
  return all.find((v) => v.id === id)?.number ?? null;
}

/**
 * The language tag to write dates in: the browser's own (en-US, en-GB, ko-KR…) when it is in the
 * language the manager chose, else that language's usual one.
 */
export function dateLocale(locale: Locale, browserLanguage: string | undefined): string {
  if (browserLanguage?.toLowerCase().startsWith(locale)) return browserLanguage;
  return locale === 'ko' ? 'ko-KR' : 'en-US';
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** When a version was published, as people write dates and times in `tag` (see dateLocale). */
export function formatWhen(iso: string, tag: string): string {
  let format = formats.get(tag);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
    formats.set(tag, format);
  }
  return format.format(new Date(iso));
}
