import type { SmsProvider } from '../../../shared/domain/sms.js';
import { HttpSmsGateway } from './http-sms-gateway.js';
import { SipMessageGateway, type SendOnLine } from './sip-message-gateway.js';
import type { SmsGateway } from './sms-gateway.js';

export interface GatewayDeps {
  /** The HTTP gateway's secret header value. */
  secret(): string | undefined;
  sendOnLine: SendOnLine;
}

/** The gateway for the configured provider; undefined when none is set up. */
export function gatewayFor(provider: SmsProvider, deps: GatewayDeps): SmsGateway | undefined {
  switch (provider.kind) {
    case 'none':
      return undefined;
    case 'http':
      return new HttpSmsGateway(provider, deps.secret);
    case 'sip':
      return new SipMessageGateway(provider.lineId, deps.sendOnLine);
  }
}
