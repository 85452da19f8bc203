import { methods, type Handlers } from './contract.js';

/** Handlers for a test of one part of the API: the ones given, and every other method failing if called. */
export function withUnusedMethods(given: Partial<Handlers>): Handlers {
  const all: Record<string, unknown> = {};
  for (const name of Object.keys(methods)) {
    all[name] = async () => {
      throw new Error(`${name} is not used by this test`);
    };
  }
  return { ...all, ...given } as Handlers;
}
