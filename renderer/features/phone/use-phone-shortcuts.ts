import { useEffect } from 'react';
import { DIAL_INPUT_ID } from './dial-pad.js';
import { checkDialString } from './dial-string.js';
import { usePhoneStore } from './phone-store.js';
import { TRANSFER_INPUT_ID } from './transfer-panel.js';

/**
 * Alt+A answer, Alt+H hang up (or decline), Alt+M mute, Alt+P hold during a call; Alt+T
 * transfer it; Alt+D the number to call and Alt+R redial the last number between calls: with
 * Alt so that typing a note never triggers them; `code`, not `key`, so they work in the Korean
 * layout too.
 */
export function usePhoneShortcuts(): void {
  useEffect(() => {
    const focus = (id: string): void => {
      // After React has drawn the field the shortcut just opened.
      window.requestAnimationFrame(() => document.getElementById(id)?.focus());
    };
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const phone = usePhoneStore.getState();
      const inCall = {
        KeyA: () => void phone.answer(),
        KeyH: () => void phone.hangUp(),
        KeyM: () => phone.toggleMute(),
        KeyP: () => void phone.toggleHold(),
        KeyT: () => {
          phone.setTransferOpen(true);
          focus(TRANSFER_INPUT_ID);
        },
      }[event.code];
      const idle = {
        KeyD: () => focus(DIAL_INPUT_ID),
        KeyR: () => {
          const last = phone.history.map((entry) => checkDialString(entry.number)).find((c) => c.ok);
          if (last?.ok) void phone.dial(last.number);
        },
      }[event.code];
      const action = phone.call ? inCall : idle;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
