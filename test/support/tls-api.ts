import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:https';
import { join } from 'node:path';
import WebSocket from 'ws';

export interface TestCertificate {
  readonly certFile: string;
  readonly keyFile: string;
  /** The certificate's PEM text: clients trust it as their CA. */
  readonly pem: string;
}

/**
 * A self-signed certificate for localhost, 127.0.0.1 and `addresses`, made by openssl in `dir`
 * (files `<name>.crt` and `<name>.key`).
 */
export function selfSignedCertificate(dir: string, name: string, addresses: string[] = []): TestCertificate {
  const certFile = join(dir, `${name}.crt`);
  const keyFile = join(dir, `${name}.key`);
  const names = ['DNS:localhost', 'IP:127.0.0.1', ...addresses.map((address) => `IP:${address}`)];
  // prettier-ignore
  const args = [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
    '-days', '2', '-subj', '/CN=localhost', '-addext', `subjectAltName=${names.join(',')}`,
    '-keyout', keyFile, '-out', certFile,
  ];
  try {
    execFileSync('openssl', args, { stdio: 'pipe' });
  } catch (error) {
    const detail = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new Error(`openssl could not make a test certificate (apt-get install openssl): ${detail}`);
  }
  return { certFile, keyFile, pem: readFileSync(certFile, 'utf8') };
}

/** What one wss client saw: the frames the engine sent, and the close code if it closed. */
export interface WssExchange {
  frames: unknown[];
  closeCode?: number;
}

/**
 * Connects to the API over wss trusting `ca`, sends one request (id 1), and resolves once its
 * reply came (then closes) or the engine closed the connection; rejects if none could be made.
 */
export function wssCall(
  origin: string,
  query: string,
  ca: string,
  request: { method: string; params?: unknown; headers?: Record<string, string> },
): Promise<WssExchange> {
  const socket = new WebSocket(`${origin.replace(/^https:/, 'wss:')}/rpc${query}`, {
    ca,
    headers: request.headers,
  });
  const seen: WssExchange = { frames: [] };
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.once('open', () =>
      socket.send(JSON.stringify({ t: 'req', id: 1, method: request.method, params: request.params ?? {} })),
    );
    socket.on('message', (data: Buffer) => {
      const frame = JSON.parse(data.toString('utf8')) as { id?: unknown };
      seen.frames.push(frame);
      if (frame.id !== 1) return;
      socket.close();
      resolve(seen);
    });
    socket.once('close', (code) => resolve({ ...seen, closeCode: code }));
  });
}

/** The status of a GET over https trusting `ca`. */
export function httpsStatus(url: string, ca: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).once('error', reject);
  });
}
