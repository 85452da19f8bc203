import type { Clock } from '../clock.js';
import {
  InviteClientTransaction,
  NonInviteClientTransaction,
  type ClientTransaction,
  type ClientTransactionEnvironment,
  type ClientTransactionListener,
} from './client-transaction.js';
import { type SipEndpoint, type SipMessage, type SipRequest, type SipResponse } from './sip-message.js';
import {
  isReliableTransport,
  transactionTimers,
  type SipTimerBase,
  type TransactionTimers,
} from './sip-timers.js';
import {
  InviteServerTransaction,
  NonInviteServerTransaction,
  type ServerTransaction,
  type ServerTransactionEnvironment,
} from './server-transaction.js';
import { readTopVia, setTopViaBranch } from './transaction-fields.js';
import { newBranch } from './via.js';
import {
  cancelTargetKey,
  clientTransactionKey,
  hasMagicCookie,
  matchServerRequest,
  responseTransactionKey,
  type UnmatchableRequestReason,
} from './transaction-key.js';

/**
 * The transaction layer (RFC 3261 §17) between the transport (§18) and the transaction user:
 * the UA core, dialogs and registration.
 *
 * Received responses go to their client transaction (§17.1.3) or are dropped; received
 * requests go to their server transaction (§17.2.3) or, when new, to the TU exactly once, so
 * retransmissions never reach the TU twice. Terminated transactions are forgotten at once, so
 * memory follows the number of live transactions only.
 *
 * Two messages are not transactions: the ACK to a 2xx (the TU sends it with `sendStateless`
 * and receives it through `onAck`, §17.1.1.3 and §13.3.1.4) and stateless responses to
 * requests that cannot be matched (400 to a request without an RFC 3261 branch).
 */

/**
 * The transport as the transaction layer sees it (RFC 3261 §18). Messages are passed as
 * objects; serialising them (and Content-Length) is the transport's job.
 */
export interface SipTransportPort {
  /**
   * Sends one message. Throws if it cannot (no connection, too large for UDP); failures found
   * later (a TCP connection that broke) come back through {@link TransactionLayer.transportFailed}.
   */
  send(message: SipMessage, to: SipEndpoint): void;
}

/** The transaction user: the UA core above this layer. */
export interface TransactionUser {
  /** A new request with its server transaction: answer through `transaction.respond()`. */
  onRequest(request: SipRequest, transaction: ServerTransaction, from: SipEndpoint): void;
  /**
   * A new CANCEL with its own server transaction, and the INVITE server transaction it targets
   * (§9.2), or undefined when there is none: then answer the CANCEL 481. Otherwise answer it 200
   * and, if the INVITE has no final response yet, answer that 487.
   */
  onCancel(
    request: SipRequest,
    transaction: NonInviteServerTransaction,
    invite: InviteServerTransaction | undefined,
    from: SipEndpoint,
  ): void;
  /** An ACK to a 2xx: no transaction of its own (§17.1.1.3); it stops the 2xx retransmission. */
  onAck(request: SipRequest, from: SipEndpoint): void;
  /**
   * A request that cannot be matched to a transaction (§17.2.3); the TU may answer it 400
   * statelessly (never an ACK). Without this handler such requests are dropped.
   */
  onInvalidRequest?(request: SipRequest, reason: UnmatchableRequestReason, from: SipEndpoint): void;
  /** A response no client transaction waits for; it is dropped (§18.1.2), this is for logging. */
  onStrayResponse?(response: SipResponse, from: SipEndpoint): void;
}

export interface TransactionLayerOptions {
  readonly clock: Clock;
  readonly transport: SipTransportPort;
  readonly user: TransactionUser;
  /** T1, T2, T4 overrides (RFC 3261 §17.1.1.1 lets a network with longer RTTs raise T1). */
  readonly timers?: Partial<SipTimerBase>;
  /** Branch factory for outgoing requests; defaults to {@link newBranch}. */
  readonly newBranch?: () => string;
}

/** A programming error of the TU when handing a request to the layer. */
export class TransactionLayerError extends Error {
  override readonly name = 'TransactionLayerError';
  constructor(
    readonly code:
      'ack-not-a-transaction' | 'missing-via' | 'cancel-without-branch' | 'duplicate-transaction',
    message: string,
  ) {
    super(message);
  }
}

export class TransactionLayer {
  private readonly clients = new Map<string, ClientTransaction>();
  private readonly servers = new Map<string, ServerTransaction>();
  private readonly unreliableTimers: TransactionTimers;
  private readonly reliableTimers: TransactionTimers;
  private readonly transport: SipTransportPort;
  private readonly user: TransactionUser;
  private readonly createBranch: () => string;
  /** One environment object shared by every transaction this layer creates. */
  private readonly env: ClientTransactionEnvironment & ServerTransactionEnvironment;

  constructor(options: TransactionLayerOptions) {
    this.transport = options.transport;
    this.user = options.user;
    this.createBranch = options.newBranch ?? newBranch;
    this.unreliableTimers = transactionTimers(false, options.timers);
    this.reliableTimers = transactionTimers(true, options.timers);
    this.env = {
      clock: options.clock,
      send: (message, to) => this.sendStateless(message, to),
      clientTerminated: (transaction) => {
        if (this.clients.get(transaction.key) === transaction) this.clients.delete(transaction.key);
      },
      serverTerminated: (transaction) => {
        if (this.servers.get(transaction.key) === transaction) this.servers.delete(transaction.key);
      },
    };
  }

  /** Timers for a transport: UDP retransmits and lingers, TCP does neither (§17). */
  timersFor(transport: SipEndpoint['transport']): TransactionTimers {
    return isReliableTransport(transport) ? this.reliableTimers : this.unreliableTimers;
  }

  get clientTransactionCount(): number {
    return this.clients.size;
  }

  get serverTransactionCount(): number {
    return this.servers.size;
  }

  /** A message from the transport, already parsed. */
  receive(message: SipMessage, from: SipEndpoint): void {
    if (message.kind === 'response') this.receiveResponse(message, from);
    else this.receiveRequest(message, from);
  }

  /**
   * Starts a client transaction for a request from the TU and sends it. Every request gets a
   * fresh branch in its top Via (§8.1.1.7: a resubmission with credentials is a new
   * transaction too), except CANCEL, which must carry the branch of the INVITE it cancels
   * (§9.1). The TU provides the top Via itself, since only it knows its sent-by.
   *
   * The request is copied: `transaction.request` is what was sent, branch included. The
   * listener may hear of a transport error before this returns.
   */
  sendRequest(original: SipRequest, to: SipEndpoint, listener: ClientTransactionListener): ClientTransaction {
    // The transaction owns a copy: a TU that reuses its request object for the next attempt
    // must not change the branch under a transaction that is still retransmitting.
    const request: SipRequest = { ...original, headers: original.headers.clone() };
    if (request.method === 'ACK')
      throw new TransactionLayerError(
        'ack-not-a-transaction',
        'An ACK is not a transaction: the transaction sends the ACK for a non-2xx itself, and the TU sends the ACK for a 2xx with sendStateless().',
      );
    const via = readTopVia(request.headers);
    if (via === undefined)
      throw new TransactionLayerError(
        'missing-via',
        `The ${request.method} request has no usable top Via header.`,
      );
    let branch: string;
    if (request.method === 'CANCEL') {
      if (via.branch === undefined || !hasMagicCookie(via.branch))
        throw new TransactionLayerError(
          'cancel-without-branch',
          'A CANCEL must carry the top Via of the INVITE it cancels, branch included (RFC 3261 §9.1).',
        );
      branch = via.branch;
    } else {
      branch = this.createBranch();
      setTopViaBranch(request.headers, branch);
    }
    const key = clientTransactionKey(branch, request.method);
    if (this.clients.has(key))
      throw new TransactionLayerError(
        'duplicate-transaction',
        `A ${request.method} client transaction with branch ${branch} is already running.`,
      );
    const timers = this.timersFor(to.transport);
    const transaction =
      request.method === 'INVITE'
        ? new InviteClientTransaction(this.env, timers, key, request, to, listener)
        : new NonInviteClientTransaction(this.env, timers, key, request, to, listener);
    // Registered before the first send: a transport error inside start() unregisters it again.
    this.clients.set(key, transaction);
    transaction.start();
    return transaction;
  }

  /**
   * Sends a message outside any transaction: the ACK to a 2xx, the UAS core's 2xx
   * retransmissions, a stateless 400. Returns the transport's error instead of throwing, so a
   * failed send inside a receive path never unwinds the transport's read loop.
   */
  sendStateless(message: SipMessage, to: SipEndpoint): Error | undefined {
    try {
      this.transport.send(message, to);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  }

  /**
   * The transport lost the way to `to` after sending (§17.1.4, §17.2.4): every transaction
   * talking to it is terminated and its TU told.
   */
  transportFailed(to: SipEndpoint, error: Error): void {
    // Collected first: TU callbacks may start new transactions while we walk.
    const failed: (ClientTransaction | ServerTransaction)[] = [];
    for (const transaction of this.clients.values())
      if (sameEndpoint(transaction.destination, to)) failed.push(transaction);
    for (const transaction of this.servers.values())
      if (sameEndpoint(transaction.replyTo, to)) failed.push(transaction);
    for (const transaction of failed) transaction.transportError(error);
  }

  /** Terminates every transaction without reports and cancels their timers (engine shutdown). */
  close(): void {
    for (const transaction of [...this.clients.values(), ...this.servers.values()]) transaction.terminate();
  }

  private receiveResponse(response: SipResponse, from: SipEndpoint): void {
    const key = responseTransactionKey(response);
    const transaction = key === undefined ? undefined : this.clients.get(key);
    if (transaction === undefined) this.user.onStrayResponse?.(response, from);
    else transaction.receive(response);
  }

  private receiveRequest(request: SipRequest, from: SipEndpoint): void {
    const match = matchServerRequest(request);
    if (!match.ok) {
      this.user.onInvalidRequest?.(request, match.reason, from);
      return;
    }
    const existing = this.servers.get(match.key);
    if (request.method === 'ACK') {
      // The ACK to a non-2xx matches its INVITE transaction and ends there; the ACK to a 2xx
      // has its own branch (or meets an Accepted transaction) and goes to the TU.
      if (existing?.kind === 'invite' && !existing.receiveAck(request)) return;
      this.user.onAck(request, from);
      return;
    }
    if (existing !== undefined) {
      existing.receiveRequest(request);
      return;
    }
    const timers = this.timersFor(from.transport);
    if (request.method === 'INVITE') {
      const transaction = new InviteServerTransaction(this.env, timers, match.key, request, from);
      this.servers.set(match.key, transaction);
      this.user.onRequest(request, transaction, from);
      return;
    }
    const transaction = new NonInviteServerTransaction(this.env, timers, match.key, request, from);
    this.servers.set(match.key, transaction);
    if (request.method === 'CANCEL') {
      const target = this.servers.get(cancelTargetKey(match.branch, match.sentBy));
      this.user.onCancel(request, transaction, target?.kind === 'invite' ? target : undefined, from);
    } else this.user.onRequest(request, transaction, from);
  }
}

function sameEndpoint(a: SipEndpoint, b: SipEndpoint): boolean {
  return a.port === b.port && a.transport === b.transport && a.address === b.address;
}
