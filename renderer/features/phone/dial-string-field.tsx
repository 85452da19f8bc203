import { useT } from '../../i18n/use-t.js';
import { Field } from '../../ui/field.js';
import type { DialError } from './dial-string.js';

/**
 * A number or extension typed for the phone (to call, or to transfer to): the telephone keypad
 * on touch screens, digits in monospace, and the dial-string check's complaint under it.
 */
export function DialStringField({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: DialError | undefined;
  onChange(value: string): void;
}) {
  const t = useT();
  return (
    <Field id={id} label={label} {...(error ? { error: t(`phone.dial.error.${error}`) } : {})}>
      {(control) => (
        <input
          {...control}
          type="text"
          inputMode="tel"
          autoComplete="off"
          className="mono"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
