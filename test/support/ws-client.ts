import WebSocket from 'ws';

/** A raw WebSocket API client that records every frame, for asserting on the wire itself. */
export class RawApiClient {
  readonly frames: unknown[] = [];
  readonly rawFrames: string[] = [];
  closeCode: number | undefined;
  private nextId = 1;
  private readonly closed: Promise<number>;
  private readonly arrivals = new Set<() => void>();

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => {
      const text = data.toString('utf8');
      this.rawFrames.push(text);
      this.frames.push(JSON.parse(text));
      for (const arrived of this.arrivals) arrived();
    });
    this.closed = new Promise((resolve) =>
      socket.once('close', (code) => {
        this.closeCode = code;
        resolve(code);
      }),
    );
  }

  static connect(origin: string, query: string, headers: Record<string, string> = {}): Promise<RawApiClient> {
    const socket = new WebSocket(`${origin.replace(/^http/, 'ws')}/rpc${query}`, { headers });
    const client = new RawApiClient(socket);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
    });
  }

  /** Sends a request and waits for the reply with its id. */
  async call(method: string, params: unknown, timeoutMs = 5000): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    this.socket.send(JSON.stringify({ t: 'req', id, method, params }));
    return this.waitFor((f) => f.id === id, timeoutMs);
  }

  /** Calls a method and returns its result; an error reply fails the test with the whole reply. */
  async result<T = Record<string, unknown>>(method: string, params: unknown, timeoutMs = 30_000): Promise<T> {
    const reply = await this.call(method, params, timeoutMs);
    if (reply.t !== 'res') throw new Error(`${method}: ${JSON.stringify(reply)}`);
    return reply.result as T;
  }

  /** Resolves with the first frame, already received or still to come, that matches. */
  waitFor(
    predicate: (frame: Record<string, unknown>) => boolean,
    timeoutMs = 5000,
  ): Promise<Record<string, unknown>> {
    const find = (): Record<string, unknown> | undefined =>
      this.frames.find(
        (f): f is Record<string, unknown> =>
          typeof f === 'object' && f !== null && predicate(f as Record<string, unknown>),
      );
    const now = find();
    if (now) return Promise.resolve(now);
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const found = find();
        if (!found) return;
        done();
        resolve(found);
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no matching frame in ${timeoutMs} ms; got ${JSON.stringify(this.frames)}`));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.arrivals.delete(check);
      };
      this.arrivals.add(check);
    });
  }

  waitClosed(): Promise<number> {
    return this.closed;
  }

  close(): void {
    this.socket.close();
  }
}
