import { useCallback, useLayoutEffect, useRef } from "react";

/**
 * Focus an element the next render creates (a new row's first field), so a keyboard user who
 * pressed "Add" lands in it. Runs after React has put the element in the page, not on a timer.
 */
export function useFocusAfterRender(): (selector: string) => void {
  const pending = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    if (!pending.current) return;
    const el = document.querySelector<HTMLElement>(pending.current);
    if (el) {
      el.focus();
      pending.current = undefined;
    }
  });
  return useCallback((selector: string) => {
    pending.current = selector;
  }, []);
}
