/**
 * A number as Koreans write it, for reading it back to the agent: mobiles and area codes with
 * hyphens (010-1234-5678, 02-123-4567, 031-123-4567), 8-digit business numbers as 1588-1234.
 * Anything else (extensions, global numbers, feature codes) is shown as it is.
 */
export function formatPhoneNumber(number: string): string {
  const seoul = /^(02)(\d{3,4})(\d{4})$/.exec(number);
  if (seoul) return seoul.slice(1).join('-');
  const other = /^(0\d{2})(\d{3,4})(\d{4})$/.exec(number);
  if (other) return other.slice(1).join('-');
  const business = /^(1[5-9]\d{2})(\d{4})$/.exec(number);
  if (business) return business.slice(1).join('-');
  return number;
}
