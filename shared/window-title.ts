/**
 * The window title leads with what waits in the inbox, "(3) Switchboard": the taskbar and the
 * browser tab show it, and the desktop shell reads it back for the tray and the app badge (so
 * that needs no IPC). Both directions live here so the two sides cannot drift apart.
 */
const UNREAD_PREFIX = /^\((\d+)\) /;

export function windowTitle(appName: string, unread: number): string {
  return unread > 0 ? `(${unread}) ${appName}` : appName;
}

/** "(3) Switchboard" → 3; a title without the prefix, or with a count past any real inbox, → 0. */
export function unreadFromTitle(title: string): number {
  const digits = UNREAD_PREFIX.exec(title)?.[1];
  if (digits === undefined) return 0;
  const count = Number(digits);
  return Number.isSafeInteger(count) ? count : 0;
}
