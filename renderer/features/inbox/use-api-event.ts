import { useEffect, useRef } from 'react';
import type { EventName, EventPayload } from '../../../shared/rpc/contract.js';
import { useAppStore } from '../../stores/app-store.js';

/**
 * Listens to one pushed event while the component is mounted. The listener may change on every
 * render (it reads fresh state) without subscribing again.
 */
export function useApiEvent<E extends EventName>(
  name: E,
  listener: (payload: EventPayload<E>) => void,
): void {
  const api = useAppStore((s) => s.api);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => api.on(name, (payload) => latest.current(payload)), [api, name]);
}
