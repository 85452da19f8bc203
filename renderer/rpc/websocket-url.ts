import { RPC_WS_PATH } from '../../shared/rpc/wire.js';

/** The engine's WebSocket endpoint on the origin that served this page. */
export function rpcWebSocketUrl(location: Pick<Location, 'protocol' | 'host'>, token: string): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}${RPC_WS_PATH}?token=${encodeURIComponent(token)}`;
}
