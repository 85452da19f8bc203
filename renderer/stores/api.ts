import type { RpcClient } from '../../shared/rpc/client.js';
import { RpcError } from '../../shared/rpc/errors.js';

/** What the store needs of the engine API: typed calls and pushed events (the connection, or a fake in tests). */
export type Api = Pick<RpcClient, 'call' | 'on'>;

/** Stands in until the connection exists: every call fails as "not connected", no event comes. */
export const offlineApi: Api = {
  call: () => Promise.reject(new RpcError('UNAVAILABLE', 'Not connected to the engine')),
  on: () => () => undefined,
};
