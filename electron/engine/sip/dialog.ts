import { parseNameAddr, parseNameAddrList } from './name-addr.js';
import { SipHeaders, type SipEndpoint, type SipRequest, type SipResponse } from './sip-message.js';
import { parseSipUri } from './sip-uri.js';
import { newBranch } from './via.js';

/** What identifies a dialog and routes requests inside it (RFC 3261 §12). */
export interface DialogState {
  callId: string;
  /** Our URI with our tag: the From of our requests. */
  local: string;
  /** The peer's URI with its tag: the To of our requests. */
  remote: string;
  /** Where in-dialog requests go: the peer's Contact, updated by target refreshes. */
  remoteTarget: string;
  /** Route set: Record-Route as received by a UAS (§12.1.1), reversed by a UAC (§12.1.2). */
  routeSet: string[];
  localSeq: number;
  remoteSeq: number;
}

/**
 * A dialog: everything needed to send requests inside it (§12.2.1.1) and to check the peer's
 * (§12.2.2). Built by {@link uasDialog} from an INVITE we answer, or {@link uacDialog} from the
 * 2xx to an INVITE we sent.
 */
export class Dialog {
  readonly callId: string;
  readonly local: string;
  readonly remote: string;
  remoteTarget: string;
  readonly routeSet: string[];
  private localSeq: number;
  private remoteSeq: number;

  constructor(
    state: DialogState,
    private readonly via: SipEndpoint,
  ) {
    this.callId = state.callId;
    this.local = state.local;
    this.remote = state.remote;
    this.remoteTarget = state.remoteTarget;
    this.routeSet = state.routeSet;
    this.localSeq = state.localSeq;
    this.remoteSeq = state.remoteSeq;
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

  /**
   * A new request inside the dialog (§12.2.1.1), with loose routing (§16.12.1.1). `cseq` is for
   * the ACK of a 2xx, which repeats its INVITE's number (§13.2.2.4).
   */
  createRequest(method: string, body = '', contentType?: string, cseq?: number): SipRequest {
    const headers = SipHeaders.from([
      [
        'via',
        `SIP/2.0/${this.via.transport.toUpperCase()} ${hostPort(this.via)};branch=${newBranch()};rport`,
      ],
      ['max-forwards', '70'],
      ['from', this.local],
      ['to', this.remote],
      ['call-id', this.callId],
      ['cseq', `${cseq ?? ++this.localSeq} ${method}`],
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

function contactUri(message: SipRequest | SipResponse): string | undefined {
  const value = message.headers.get('contact');
  if (value === undefined) return undefined;
  const parsed = parseNameAddrList(value);
  return parsed.ok ? parsed.value[0]?.uri : undefined;
}

function hostPort(endpoint: SipEndpoint): string {
  const host = endpoint.address.includes(':') ? `[${endpoint.address}]` : endpoint.address;
  return `${host}:${endpoint.port}`;
}

/** §12.1.1: the dialog of an INVITE we answer with `localTag`. */
export function uasDialog(invite: SipRequest, localTag: string, via: SipEndpoint): Dialog {
  const remote = invite.headers.get('from') ?? '';
  // A caller without Contact breaks §8.1.1.8; its From URI is the best guess left.
  const from = parseNameAddr(remote);
  return new Dialog(
    {
      callId: invite.headers.get('call-id') ?? '',
      local: `${invite.headers.get('to') ?? ''};tag=${localTag}`,
      remote,
      remoteTarget: contactUri(invite) ?? (from.ok ? from.value.uri : ''),
      routeSet: invite.headers.getAll('record-route'),
      localSeq: Math.floor(Math.random() * 10_000) + 1,
      remoteSeq: Number.parseInt(invite.headers.get('cseq') ?? '0', 10),
    },
    via,
  );
}

/** §12.1.2: the dialog a 2xx to our INVITE creates; the route set is Record-Route reversed. */
export function uacDialog(invite: SipRequest, response: SipResponse, via: SipEndpoint): Dialog {
  const to = response.headers.get('to') ?? '';
  const target = contactUri(response);
  return new Dialog(
    {
      callId: invite.headers.get('call-id') ?? '',
      local: invite.headers.get('from') ?? '',
      remote: to,
      remoteTarget: target ?? invite.uri,
      routeSet: response.headers.getAll('record-route').reverse(),
      localSeq: Number.parseInt(invite.headers.get('cseq') ?? '1', 10),
      remoteSeq: 0,
    },
    via,
  );
}
