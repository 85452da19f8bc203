/**
 * One-shot readiness probes for the test bed's servers: "does it answer yet?". Each returns
 * false (never throws) when nothing answers within the timeout.
 */
import { randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';

/** Sends one UDP datagram and resolves with the first reply accepted by `accept`, or undefined. */
function udpExchange(
  host: string,
  port: number,
  payload: string | ((localPort: number) => string),
  accept: (reply: Buffer) => boolean,
  timeoutMs: number,
): Promise<Buffer | undefined> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    let done = false;
    const finish = (reply: Buffer | undefined): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.close();
      resolve(reply);
    };
    const timer = setTimeout(() => finish(undefined), timeoutMs);
    socket.on('error', () => finish(undefined)); // e.g. ICMP port unreachable
    socket.on('message', (reply) => {
      if (accept(reply)) finish(reply);
    });
    socket.bind(0, host, () => {
      const text = typeof payload === 'string' ? payload : payload(socket.address().port);
      socket.send(text, port, host);
    });
  });
}

/** rtpengine's control ("ng") protocol: "<cookie> <bencoded dict>"; ping answers result=pong. */
export async function pingRtpengine(host: string, port: number, timeoutMs = 200): Promise<boolean> {
  const cookie = randomBytes(6).toString('hex');
  const reply = await udpExchange(
    host,
    port,
    `${cookie} d7:command4:pinge`,
    (r) => r.toString('latin1').startsWith(`${cookie} `),
    timeoutMs,
  );
  return reply !== undefined && reply.toString('latin1').includes('4:pong');
}

/** Sends SIP OPTIONS for the server itself over UDP; true on any final response. */
export async function pingSipUdp(host: string, port: number, timeoutMs = 200): Promise<boolean> {
  const tag = randomBytes(4).toString('hex');
  const branch = `z9hG4bK-probe-${randomBytes(6).toString('hex')}`;
  const callId = `probe-${randomBytes(8).toString('hex')}@${host}`;
  const reply = await udpExchange(
    host,
    port,
    (localPort) =>
      [
        `OPTIONS sip:${host}:${port} SIP/2.0`,
        `Via: SIP/2.0/UDP ${host}:${localPort};branch=${branch};rport`,
        'Max-Forwards: 70',
        `From: <sip:probe@${host}>;tag=${tag}`,
        `To: <sip:${host}:${port}>`,
        `Call-ID: ${callId}`,
        'CSeq: 1 OPTIONS',
        `Contact: <sip:probe@${host}:${localPort}>`,
        'Content-Length: 0',
        '',
        '',
      ].join('\r\n'),
    (r) => /^SIP\/2\.0 [2-6]\d\d /.test(r.toString('latin1')) && r.toString('latin1').includes(callId),
    timeoutMs,
  );
  return reply !== undefined;
}

/** True if a TCP connection to host:port is accepted. */
export function canConnectTcp(host: string, port: number, timeoutMs = 200): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (ok: boolean): void => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}
