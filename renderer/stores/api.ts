import type { RpcClient } from '../../shared/rpc/client.js';
import { RpcError } from '../../shared/rpc/errors.js';

/** What the store needs of the engine API: typed calls (the connection, or a fake in tests). */
export type Api = Pick<RpcClient, 'call'>;

/** Stands in until the connection exists: every call fails as "not connected". */
export const offlineApi: Api = {
  call: () => Promise.reject(new RpcError('UNAVAILABLE', 'Not connected to the engine')),
};
