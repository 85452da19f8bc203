/** The tray's tooltip for the inbox's unread count, in both languages as the tray menu is. */
export function trayToolTip(unread: number): string {
  return unread > 0 ? `Switchboard — ${unread} unread / 확인할 항목 ${unread}개` : 'Switchboard';
}
