import { createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';

/** Resolves `host` (name or literal) to one address; A/AAAA only for now (no RFC 3263 SRV yet). */
export async function resolveHost(host: string): Promise<string> {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return (await lookup(bare)).address;
}

/**
 * The local address the OS would use to reach `address`: a connected UDP socket sends nothing
 * but learns its route, which is the address to put in Via and Contact (RFC 3261 §18.1.1).
 */
export function localAddressToward(address: string, port: number): Promise<string> {
  const socket = createSocket(address.includes(':') ? 'udp6' : 'udp4');
  return new Promise((resolve, reject) => {
    socket.once('error', (error) => {
      socket.close();
      reject(error);
    });
    socket.connect(port, address, () => {
      const local = socket.address().address;
      socket.close();
      resolve(local);
    });
  });
}

/** Splits `host[:port]` / `[v6]:port` as validated by shared/domain/line.ts. */
export function splitHostPort(value: string, defaultPort = 5060): { host: string; port: number } {
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(value);
  if (v6) return { host: v6[1] ?? '', port: v6[2] ? Number(v6[2]) : defaultPort };
  const [host = '', port] = value.split(':');
  return { host, port: port ? Number(port) : defaultPort };
}
