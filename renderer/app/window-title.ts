/** "(3) Switchboard": what waits in the inbox shows in the taskbar and the browser tab. */
export function windowTitle(appName: string, unread: number): string {
  return unread > 0 ? `(${unread}) ${appName}` : appName;
}
