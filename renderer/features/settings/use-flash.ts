import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n/messages.en.js';

/**
 * A short confirmation ("Saved") that clears itself. Holds the message key, not the text, so
 * it follows a language switch while shown.
 */
export function useFlash(durationMs = 4000): [MessageKey | null, (key: MessageKey) => void] {
  const [message, setMessage] = useState<MessageKey | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const flash = useCallback(
    (key: MessageKey) => {
      window.clearTimeout(timer.current);
      setMessage(key);
      timer.current = window.setTimeout(() => setMessage(null), durationMs);
    },
    [durationMs],
  );
  return [message, flash];
}
