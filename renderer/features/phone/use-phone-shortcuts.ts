import { useEffect } from 'react';
import { usePhoneStore } from './phone-store.js';

/**
 * Alt+A answer, Alt+H hang up (or decline), Alt+M mute, Alt+P hold: with Alt so that typing a
 * note never triggers them; `code`, not `key`, so they work in the Korean layout too.
 */
export function usePhoneShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const phone = usePhoneStore.getState();
      const action = {
        KeyA: () => void phone.answer(),
        KeyH: () => void phone.hangUp(),
        KeyM: () => phone.toggleMute(),
        KeyP: () => void phone.toggleHold(),
      }[event.code];
      if (!action || !phone.call) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
