import type { Logger } from '../logger.js';
import type { SipEndpoint, SipMessage } from './sip-message.js';
import { applyReceived, formatVia, topVia } from './via.js';

/**
 * What every transport does with a parsed message: stamp a request's top Via with where it
 * really came from (§18.2.1, RFC 3581), so responses find their way back through NAT, then hand
 * it on. A request without a readable Via cannot be answered and is dropped; a handler that
 * throws is logged, so one call's bug never stops the transport serving every other call.
 */
export function deliverReceived(
  message: SipMessage,
  from: SipEndpoint,
  logger: Logger,
  onMessage: (message: SipMessage, from: SipEndpoint) => void,
): void {
  if (message.kind === 'request') {
    const via = topVia(message.headers);
    if (!via.ok) {
      logger.warn('dropped a request with an unreadable Via', { reason: via.reason });
      return;
    }
    message.headers.shift('via');
    message.headers.prepend('via', formatVia(applyReceived(via.value, from.address, from.port)));
  }
  try {
    onMessage(message, from);
  } catch (error) {
    logger.error('SIP message handler failed', { error: String(error), stack: (error as Error).stack });
  }
}
