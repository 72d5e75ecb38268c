import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A form's content kept in sessionStorage on every change, so a session that expires mid-form (or a
 * reload after signing in again) loses nothing. `clear()` after a successful save.
 */
export function useDraft<T>(key: string, initial: T): [T, (next: T | ((prev: T) => T)) => void, () => void] {
  const storageKey = `capaian.draft.${key}`;
  const [value, setValue] = useState<T>(() => {
    try {
      const saved = window.sessionStorage.getItem(storageKey);
      return saved ? (JSON.parse(saved) as T) : initial;
    } catch {
      return initial;
    }
  });
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.sessionStorage.setItem(storageKey, JSON.stringify(value));
  }, [storageKey, value]);
  const clear = useCallback(() => {
    window.sessionStorage.removeItem(storageKey);
  }, [storageKey]);
  return [value, setValue, clear];
}
