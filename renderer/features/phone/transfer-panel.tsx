import { useState } from 'react';
import { useT } from '../../i18n/use-t.js';
import { Field } from '../../ui/field.js';
import { checkDialString, type DialError } from './dial-string.js';
import { DialStringField } from './dial-string-field.js';
import { formatPhoneNumber } from './phone-number-format.js';
import { transferIdle, usePhoneStore, type ActiveCall } from './phone-store.js';
import type { SipfragStatus } from './sipfrag.js';
import type { TransferState } from './transfer.js';

/** The transfer target field's id: Alt+T opens the panel with the cursor there. */
export const TRANSFER_INPUT_ID = 'phone-transfer-target';

/**
 * Transfer of the call in progress: blind ("Transfer now") or attended ("Consult first", then
 * "Complete transfer" or "Back to caller"), with how it is going as the REFER's NOTIFYs tell.
 */
export function TransferPanel({ call }: { call: ActiveCall }) {
  const t = useT();
  const phone = usePhoneStore();
  const me = phone.agent?.id;
  const colleagues = phone.agents.filter((agent) => agent.id !== me);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<DialError | undefined>();
  const state = call.transfer;

  /** A colleague's extension as it is (it may be a SIP URI), else a checked number. */
  const checked = (): string | undefined => {
    const value = target.trim();
    if (colleagues.some((agent) => agent.extension === value)) return value;
    const check = checkDialString(value);
    setError(check.ok ? undefined : check.error);
    return check.ok ? check.number : undefined;
  };

  return (
    <section className="phone-transfer" aria-labelledby="phone-transfer-title">
      <h3 id="phone-transfer-title">{t('phone.transfer.heading')}</h3>
      {transferIdle(state) && (
        <form
          className="phone-transfer-form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const to = checked();
            if (to !== undefined) void phone.blindTransfer(to);
          }}
        >
          <DialStringField
            id={TRANSFER_INPUT_ID}
            label={t('phone.transfer.target')}
            value={target}
            error={error}
            onChange={(value) => {
              setTarget(value);
              setError(undefined);
            }}
          />
          {colleagues.length > 0 && (
            <Field id="phone-transfer-colleague" label={t('phone.transfer.colleague')}>
              {(control) => (
                <select
                  {...control}
                  value={colleagues.some((a) => a.extension === target.trim()) ? target.trim() : ''}
                  onChange={(e) => {
                    setTarget(e.target.value);
                    setError(undefined);
                  }}
                >
                  <option value="">{t('phone.transfer.pick')}</option>
                  {colleagues.map((agent) => (
                    <option key={agent.id} value={agent.extension}>
                      {t('phone.transfer.colleagueOption', {
                        name: agent.name,
                        extension: agent.extension,
                        status: t(`inbox.agent.${agent.status}`),
                      })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
          <div className="button-row">
            <button type="submit" className="button primary">
              {t('phone.transfer.blind')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                const to = checked();
                if (to !== undefined) void phone.consult(to);
              }}
            >
              {t('phone.transfer.consult')}
            </button>
            <button type="button" className="button" onClick={() => phone.setTransferOpen(false)}>
              {t('phone.transfer.close')}
            </button>
          </div>
        </form>
      )}
      <TransferStatus state={state} consultPhase={call.consult?.phase} />
      {state.phase === 'consulting' && (
        <div className="button-row">
          <button
            type="button"
            className="button primary"
            disabled={!state.answered}
            onClick={() => void phone.completeTransfer()}
          >
            {t('phone.transfer.complete')}
          </button>
          <button type="button" className="button" onClick={() => void phone.backToCaller()}>
            {t('phone.transfer.back')}
          </button>
        </div>
      )}
    </section>
  );
}

/** "Trying…", "Transferred", "Transfer failed: 486 Busy Here", or the consultation's state. */
function TransferStatus({ state, consultPhase }: { state: TransferState; consultPhase: string | undefined }) {
  const t = useT();
  const line = (failure: SipfragStatus): string =>
    failure.status === 0 ? failure.reason : `${failure.status} ${failure.reason}`.trim();
  const target = state.phase === 'idle' ? '' : formatPhoneNumber(state.target);
  const messages: string[] = [];
  if (state.phase === 'referring') {
    messages.push(
      state.progress
        ? t('phone.transfer.progress', { target, status: line(state.progress) })
        : t('phone.transfer.trying', { target }),
    );
  } else if (state.phase === 'transferred') {
    messages.push(t('phone.transfer.done', { target }));
  } else if (state.phase === 'failed') {
    messages.push(t('phone.transfer.failed', { status: line(state.failure) }));
  } else if (state.phase === 'consulting') {
    if (state.failure) messages.push(t('phone.transfer.failed', { status: line(state.failure) }));
    messages.push(
      t(consultPhase === 'talking' ? 'phone.transfer.consultTalking' : 'phone.transfer.consultDialing', {
        target,
      }),
    );
  }
  return (
    <p className="phone-transfer-status" role="status" data-testid="transfer-status">
      {messages.join(' ')}
    </p>
  );
}
