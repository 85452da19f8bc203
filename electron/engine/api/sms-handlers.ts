import type { SmsMessage } from '../../../shared/domain/sms.js';
import type { Handlers } from '../../../shared/rpc/contract.js';
import { RpcError } from '../../../shared/rpc/errors.js';
import type { SmsDispatcher } from '../sms/sms-dispatcher.js';
import { SmsSecretRequiredError, type SmsSettingsRepository } from '../sms/sms-settings-repository.js';
import { SmsNotFailedError, SmsNotFoundError, type SmsOutbox, type SmsRow } from '../store/sms-outbox.js';

type SmsMethods = Pick<
  Handlers,
  'sms.outbox' | 'sms.attempts' | 'sms.send' | 'sms.resend' | 'sms.settings' | 'sms.configure'
>;

export interface SmsHandlerDeps {
  outbox: SmsOutbox;
  settings: SmsSettingsRepository;
  dispatcher: SmsDispatcher;
}

/** A stored message as the API shows it. */
export function smsMessageView(row: SmsRow): SmsMessage {
  return { ...row };
}

/** The outbox, an agent's message, resending, and the provider settings over the API. */
export function createSmsHandlers({ outbox, settings, dispatcher }: SmsHandlerDeps): SmsMethods {
  return {
    'sms.outbox': async ({ status, limit }) => ({
      messages: outbox.list({ status, limit }).map(smsMessageView),
      waitingReason: dispatcher.waitingReason(),
    }),
    'sms.attempts': async ({ id }) => {
      if (!outbox.get(id)) throw new RpcError('NOT_FOUND', `No text message ${id}`);
      return outbox.attemptsOf(id).map(({ provider, ok, detail, at }) => ({ provider, ok, detail, at }));
    },
    // Queuing wakes the dispatcher (it listens to the outbox).
    'sms.send': async ({ to, text, agentId }) =>
      smsMessageView(outbox.queue({ callId: null, agentId: agentId ?? null, to, text })),
    'sms.resend': async ({ id }) => {
      try {
        return smsMessageView(outbox.resend(id));
      } catch (error) {
        if (error instanceof SmsNotFoundError) throw new RpcError('NOT_FOUND', error.message);
        if (error instanceof SmsNotFailedError) throw new RpcError('CONFLICT', error.message);
        throw error;
      }
    },
    'sms.settings': async () => settings.view(),
    'sms.configure': async (input) => {
      try {
        const saved = settings.save(input);
        dispatcher.wake();
        return saved;
      } catch (error) {
        if (error instanceof SmsSecretRequiredError) {
          throw new RpcError('INVALID_PARAMS', error.message, {
            issues: [{ path: ['provider', 'secretValue'], code: 'required', message: error.message }],
          });
        }
        throw error;
      }
    },
  };
}
