import { parseNameAddr, parseNameAddrList } from './name-addr.js';
import { SipHeaders, type SipEndpoint, type SipRequest } from './sip-message.js';
import { parseSipUri } from './sip-uri.js';
import { newBranch } from './via.js';

/**
 * The UAS side of a dialog (RFC 3261 §12.1.1), created from the INVITE we answer: everything
 * needed to send requests inside it (§12.2.1.1) and to check the peer's (§12.2.2).
 */
export class UasDialog {
  readonly callId: string;
  /** Our URI with our tag (the INVITE's To + tag): the From of our requests. */
  readonly local: string;
  /** The caller's From, tag included: the To of our requests. */
  readonly remote: string;
  /** Where in-dialog requests go: the caller's Contact, updated by target refreshes. */
  remoteTarget: string;
  /** Record-Route in order (a UAS keeps it as received). */
  readonly routeSet: string[];
  private localSeq = Math.floor(Math.random() * 10_000) + 1;
  private remoteSeq: number;

  constructor(
    invite: SipRequest,
    localTag: string,
    private readonly via: SipEndpoint,
  ) {
    this.callId = invite.headers.get('call-id') ?? '';
    this.local = `${invite.headers.get('to') ?? ''};tag=${localTag}`;
    this.remote = invite.headers.get('from') ?? '';
    // A caller without Contact breaks §8.1.1.8; its From URI is the best guess left.
    const from = parseNameAddr(this.remote);
    this.remoteTarget = contactUri(invite) ?? (from.ok ? from.value.uri : '');
    this.routeSet = invite.headers.getAll('record-route');
    this.remoteSeq = Number.parseInt(invite.headers.get('cseq') ?? '0', 10);
  }

  /**
   * §12.2.2: a request with a lower CSeq than the last one is out of order (answer 500); a
   * target refresh (re-INVITE) may move the remote target.
   */
  acceptRemoteRequest(request: SipRequest): boolean {
    const seq = Number.parseInt(request.headers.get('cseq') ?? '', 10);
    if (!Number.isInteger(seq) || seq < this.remoteSeq) return false;
    this.remoteSeq = seq;
    if (request.method === 'INVITE') this.remoteTarget = contactUri(request) ?? this.remoteTarget;
    return true;
  }

  /** A new request inside the dialog (§12.2.1.1), with loose routing (§16.12.1.1). */
  createRequest(method: string, body = '', contentType?: string): SipRequest {
    const headers = SipHeaders.from([
      [
        'via',
        `SIP/2.0/${this.via.transport.toUpperCase()} ${hostPort(this.via)};branch=${newBranch()};rport`,
      ],
      ['max-forwards', '70'],
      ['from', this.local],
      ['to', this.remote],
      ['call-id', this.callId],
      ['cseq', `${++this.localSeq} ${method}`],
    ]);
    for (const route of this.routeSet) headers.append('route', route);
    if (contentType) headers.append('content-type', contentType);
    return { kind: 'request', method, uri: this.remoteTarget, headers, body };
  }

  /** Where the next hop is: the first route, else the remote target (§8.1.2, RFC 3263 aside). */
  nextHop(transport: SipEndpoint['transport']): SipEndpoint | undefined {
    const first = this.routeSet[0];
    const target = first ? parseNameAddr(first) : undefined;
    const uri = parseSipUri(target?.ok ? target.value.uri : this.remoteTarget);
    if (!uri.ok) return undefined;
    return { transport, address: uri.value.host, port: uri.value.port ?? 5060 };
  }
}

function contactUri(request: SipRequest): string | undefined {
  const value = request.headers.get('contact');
  if (value === undefined) return undefined;
  const parsed = parseNameAddrList(value);
  return parsed.ok ? parsed.value[0]?.uri : undefined;
}

function hostPort(endpoint: SipEndpoint): string {
  const host = endpoint.address.includes(':') ? `[${endpoint.address}]` : endpoint.address;
  return `${host}:${endpoint.port}`;
}
