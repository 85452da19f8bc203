/** Where the API token lives between reloads of this tab (never localStorage: it would outlive the tab). */
export const TOKEN_STORAGE_KEY = 'switchboard.apiToken';

/**
 * Reads the API token from a URL fragment such as `#token=abc` (also `#lang=ko&token=abc`).
 * A fragment that is a router path (`#/settings`) carries no token.
 */
export function tokenFromFragment(hash: string): string | undefined {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment === '' || fragment.startsWith('/')) return undefined;
  const value = new URLSearchParams(fragment).get('token')?.trim();
  return value ? value : undefined;
}

export interface TokenEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined;
}

/**
 * Takes the token at boot: from the fragment if the page was opened with the engine's link (then
 * kept in session storage and removed from the address bar, so it is not bookmarked, shared
 * or shown), else from session storage (a reload). Must run before the hash router starts.
 */
export function takeToken(env: TokenEnvironment): string | undefined {
  const fromUrl = tokenFromFragment(env.location.hash);
  if (fromUrl !== undefined) {
    try {
      env.storage?.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch {
      // Without storage a reload needs the link again; the session still works.
    }
    env.history.replaceState(env.history.state, '', `${env.location.pathname}${env.location.search}`);
    return fromUrl;
  }
  try {
    return env.storage?.getItem(TOKEN_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Drops a token the engine refused, so a reload asks for the link instead of failing again. */
export function forgetToken(storage: Pick<Storage, 'removeItem'> | undefined): void {
  try {
    storage?.removeItem(TOKEN_STORAGE_KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}
