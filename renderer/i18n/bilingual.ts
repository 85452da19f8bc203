/**
 * A feature's words with English and Korean side by side, so a new key cannot miss a language;
 * split into the two catalogues (i18n/messages.*.ts spread them in).
 */
export function splitCatalogue<K extends string>(
  messages: Readonly<Record<K, readonly [en: string, ko: string]>>,
): { en: Record<K, string>; ko: Record<K, string> } {
  const entries = Object.entries(messages) as [K, readonly [string, string]][];
  return {
    en: Object.fromEntries(entries.map(([key, [en]]) => [key, en])) as Record<K, string>,
    ko: Object.fromEntries(entries.map(([key, [, ko]]) => [key, ko])) as Record<K, string>,
  };
}
