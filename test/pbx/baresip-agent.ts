/**
 * Client for baresip's `ctrl_tcp` module: the way tests watch and drive an agent phone.
 *
 * Every message in both directions is a netstring ("<length>:<bytes>,") holding one JSON object:
 *   command  → {"command":"dial","params":"sip:agent2@127.0.0.1","token":"7"}
 *   response ← {"response":true,"ok":true,"data":"...","token":"7"}
 *   event    ← {"event":true,"class":"call","type":"CALL_DTMF_START","param":"1",...}
 * Events include REGISTER_OK / REGISTER_FAIL, CALL_INCOMING, CALL_ESTABLISHED, CALL_CLOSED and
 * CALL_DTMF_START / CALL_DTMF_END (the digit is in `param`).
 */
import { connect, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface BaresipEvent {
  readonly event: true;
  readonly type: string;
  readonly class?: string;
  readonly accountaor?: string;
  readonly direction?: string;
  readonly peeruri?: string;
  readonly id?: string;
  readonly param?: string;
  /** Local time (Date.now()) at which the event arrived. */
  readonly receivedAt: number;
  readonly [key: string]: unknown;
}

export interface BaresipResponse {
  readonly ok: boolean;
  readonly data: string;
  readonly token?: string;
}

type Waiter = { predicate: (event: BaresipEvent) => boolean; resolve: (event: BaresipEvent) => void };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Incremental netstring decoder: feed bytes, get complete payloads. */
export class NetstringDecoder {
  private buffer = Buffer.alloc(0);

  push(chunk: Buffer): string[] {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    const messages: string[] = [];
    for (;;) {
      const colon = this.buffer.indexOf(0x3a); // ':'
      if (colon < 0) break;
      const lengthText = this.buffer.subarray(0, colon).toString('latin1');
      if (!/^\d{1,9}$/.test(lengthText))
        throw new Error(`bad netstring length ${JSON.stringify(lengthText)}`);
      const length = Number(lengthText);
      const end = colon + 1 + length;
      if (this.buffer.length < end + 1) break; // wait for the rest
      if (this.buffer[end] !== 0x2c) throw new Error('netstring not terminated by a comma'); // ','
      messages.push(this.buffer.subarray(colon + 1, end).toString('utf8'));
      this.buffer = this.buffer.subarray(end + 1);
    }
    return messages;
  }
}

export function encodeNetstring(payload: string): Buffer {
  const body = Buffer.from(payload, 'utf8');
  return Buffer.concat([Buffer.from(`${body.length}:`, 'latin1'), body, Buffer.from(',', 'latin1')]);
}

export class BaresipAgent {
  /** Every event received so far, in order. */
  readonly events: BaresipEvent[] = [];
  private readonly waiters = new Set<Waiter>();
  private readonly pending = new Map<string, (response: BaresipResponse) => void>();
  private readonly decoder = new NetstringDecoder();
  private nextToken = 1;
  private closed = false;
  private failure: Error | undefined;

  private constructor(
    /** Account name, e.g. "agent1". */
    readonly name: string,
    /** The agent's address of record, e.g. "sip:agent1@127.0.0.1:5060". */
    readonly aor: string,
    /** Where the agent itself listens for SIP, e.g. "127.0.0.1:5081". */
    readonly sipAddress: string,
    private readonly socket: Socket,
  ) {
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (error) => (this.failure ??= error));
    socket.on('close', () => {
      this.closed = true;
    });
  }

  /** Connects to ctrl_tcp, retrying until it listens (baresip opens it while starting). */
  static async connect(options: {
    name: string;
    aor: string;
    sipAddress: string;
    host: string;
    port: number;
    timeoutMs: number;
    /** Stops the retries early (e.g. the baresip process died): returns the reason. */
    abortIf?: () => string | undefined;
  }): Promise<BaresipAgent> {
    const deadline = Date.now() + options.timeoutMs;
    let lastError = 'not tried';
    while (Date.now() < deadline) {
      const abortReason = options.abortIf?.();
      if (abortReason !== undefined) throw new Error(`${options.name} ctrl_tcp: ${abortReason}`);
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect({ host: options.host, port: options.port });
          s.once('connect', () => {
            s.removeAllListeners('error');
            resolve(s);
          });
          s.once('error', reject);
        });
        return new BaresipAgent(options.name, options.aor, options.sipAddress, socket);
      } catch (error) {
        lastError = (error as Error).message;
        await sleep(20);
      }
    }
    throw new Error(
      `${options.name}: ctrl_tcp on ${options.host}:${options.port} not reachable in ${options.timeoutMs} ms (${lastError})`,
    );
  }

  private onData(chunk: Buffer): void {
    let messages: string[];
    try {
      messages = this.decoder.push(chunk);
    } catch (error) {
      this.failure = error as Error;
      this.socket.destroy();
      return;
    }
    for (const text of messages) {
      let message: unknown;
      try {
        message = JSON.parse(text);
      } catch {
        continue; // not JSON: ignore rather than lose the connection
      }
      if (!isRecord(message)) continue;
      if (message.event === true && typeof message.type === 'string') {
        const event = { ...message, event: true, type: message.type, receivedAt: Date.now() } as BaresipEvent;
        this.events.push(event);
        for (const waiter of [...this.waiters]) {
          if (!waiter.predicate(event)) continue;
          this.waiters.delete(waiter);
          waiter.resolve(event);
        }
      } else if (message.response === true) {
        const token = typeof message.token === 'string' ? message.token : undefined;
        const response: BaresipResponse = {
          ok: message.ok === true,
          data: typeof message.data === 'string' ? message.data : '',
          token,
        };
        const resolve = token === undefined ? undefined : this.pending.get(token);
        if (token !== undefined && resolve) {
          this.pending.delete(token);
          resolve(response);
        }
      }
    }
  }

  /**
   * Resolves with the first event (already received or arriving within `timeoutMs`) that matches.
   * Rejects on timeout with the events seen so far, to show what happened instead.
   */
  /** Waits for an event of `type` received after the first `since` events. */
  nextEvent(since: number, type: string, timeoutMs = 5000): Promise<BaresipEvent> {
    return this.waitForEvent((e) => e.type === type && this.events.indexOf(e) >= since, timeoutMs);
  }

  waitForEvent(predicate: (event: BaresipEvent) => boolean, timeoutMs = 10_000): Promise<BaresipEvent> {
    const seen = this.events.find(predicate);
    if (seen) return Promise.resolve(seen);
    return new Promise<BaresipEvent>((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(
          new Error(
            `${this.name}: no matching baresip event within ${timeoutMs} ms; events so far: ` +
              JSON.stringify(this.events.map((e) => [e.type, e.param ?? ''])),
          ),
        );
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  /** The digits of CALL_DTMF_START events so far (in order), e.g. "123#". */
  dtmfDigits(): string {
    return this.events
      .filter((e) => e.type === 'CALL_DTMF_START')
      .map((e) => e.param ?? '?')
      .join('');
  }

  /** Sends a ctrl_tcp command (e.g. "dial", "hangup", "reginfo", "sndcode") and awaits its response. */
  command(command: string, params = '', timeoutMs = 5000): Promise<BaresipResponse> {
    if (this.closed || this.failure) {
      return Promise.reject(
        new Error(`${this.name}: ctrl_tcp connection closed (${this.failure?.message ?? 'closed'})`),
      );
    }
    const token = String(this.nextToken++);
    return new Promise<BaresipResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(token);
        reject(new Error(`${this.name}: no response to "${command}" within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(token, (response) => {
        clearTimeout(timer);
        resolve(response);
      });
      this.socket.write(encodeNetstring(JSON.stringify({ command, params, token })));
    });
  }

  /**
   * Places a call (ctrl_tcp "dial"), e.g. to "sip:office@127.0.0.1": through the proxy, with the
   * account's credentials. Resolves once baresip took the command; the call's progress comes as
   * events (CALL_OUTGOING, CALL_RINGING, CALL_ESTABLISHED, CALL_CLOSED).
   */
  async dial(uri: string): Promise<void> {
    const response = await this.command('dial', uri);
    if (!response.ok) throw new Error(`${this.name}: dial ${uri} refused: ${response.data}`);
  }

  /** Hangs up the current call (ctrl_tcp "hangup"): BYE if it was answered, else CANCEL. */
  async hangup(): Promise<void> {
    const response = await this.command('hangup');
    if (!response.ok) throw new Error(`${this.name}: hangup refused: ${response.data}`);
  }

  /** Closes the control connection (the agent keeps running). */
  close(): void {
    this.closed = true;
    this.socket.destroy();
  }
}
