import type { SipMessageOutcome } from './sip-message-sender.js';
import { detailSnippet, type GatewayResult, type OutgoingSms, type SmsGateway } from './sms-gateway.js';

/** Sends a MESSAGE on an office line to the URI built from its registrar (LineAgents.sendMessage). */
export type SendOnLine = (
  lineId: string,
  target: (registrar: string) => string,
  text: string,
) => Promise<SipMessageOutcome>;

/**
 * Text messages as SIP MESSAGE (RFC 3428) to sip:<number>@<registrar> through an office line,
 * for PBXs and trunks that turn them into SMS. 200 and 202 are accepted; anything else, or no
 * answer, fails the attempt.
 */
export class SipMessageGateway implements SmsGateway {
  readonly provider = 'sip';

  constructor(
    private readonly lineId: string,
    private readonly sendOnLine: SendOnLine,
  ) {}

  async send(sms: OutgoingSms): Promise<GatewayResult> {
    const outcome = await this.sendOnLine(this.lineId, (registrar) => `sip:${sms.to}@${registrar}`, sms.text);
    switch (outcome.kind) {
      case 'response':
        return {
          ok: outcome.status >= 200 && outcome.status < 300,
          detail: detailSnippet(`SIP ${outcome.status} ${outcome.reason}`),
        };
      case 'timeout':
        return { ok: false, detail: 'The PBX did not answer the MESSAGE' };
      case 'transport-error':
        return { ok: false, detail: detailSnippet(`Could not send the MESSAGE: ${outcome.message}`) };
    }
  }
}
