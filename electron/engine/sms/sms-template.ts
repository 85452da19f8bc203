import type { SmsPlaceholder } from '../../../shared/domain/sms.js';

/** How a filled-in value is escaped: it must not be able to break out of its place. */
export type TemplateEscaping = 'json' | 'form' | 'text';

const placeholderPattern = /\{\{\s*([A-Za-z_]+)\s*\}\}/g;

function escape(value: string, escaping: TemplateEscaping): string {
  switch (escaping) {
    case 'json':
      // The contents of a JSON string (the template supplies the quotes): RFC 8259 §7.
      return JSON.stringify(value).slice(1, -1);
    case 'form':
      // application/x-www-form-urlencoded, as URLSearchParams writes it (space as +, UTF-8).
      return new URLSearchParams([['', value]]).toString().slice(1);
    case 'text':
      return value;
  }
}

/**
 * Replaces each `{{name}}` (spaces inside the braces allowed) with its value, escaped for where
 * it goes. Names the settings did not allow never reach here; any left are kept as written.
 */
export function fillTemplate(
  template: string,
  values: Readonly<Record<SmsPlaceholder, string>>,
  escaping: TemplateEscaping,
): string {
  return template.replace(placeholderPattern, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name)
      ? escape(values[name as SmsPlaceholder], escaping)
      : whole,
  );
}
