import { useState } from 'react';
import { useT } from '../../i18n/use-t.js';
import { checkDialString, type DialError } from './dial-string.js';
import { DialStringField } from './dial-string-field.js';
import { usePhoneStore } from './phone-store.js';

/** The number field's id: Alt+D puts the cursor there. */
export const DIAL_INPUT_ID = 'phone-dial-number';

/** A number or extension to call through the agent's own registration; Enter or "Call". */
export function DialPad() {
  const t = useT();
  const dial = usePhoneStore((state) => state.dial);
  const [input, setInput] = useState('');
  const [error, setError] = useState<DialError | undefined>();

  return (
    <section className="card phone-dial" aria-labelledby="phone-dial-title">
      <h2 id="phone-dial-title">{t('phone.dial.heading')}</h2>
      <p className="phone-idle">{t('phone.idle')}</p>
      <form
        className="phone-dial-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const check = checkDialString(input);
          setError(check.ok ? undefined : check.error);
          if (check.ok) void dial(check.number);
        }}
      >
        <DialStringField
          id={DIAL_INPUT_ID}
          label={t('phone.dial.label')}
          value={input}
          error={error}
          onChange={(value) => {
            setInput(value);
            setError(undefined);
          }}
        />
        <button type="submit" className="button primary">
          {t('phone.dial.call')}
        </button>
      </form>
    </section>
  );
}
