import { useEffect } from 'react';

/** Handlers for the inbox's single-key shortcuts. */
export interface InboxShortcutHandlers {
  move: (delta: number) => void;
  approve: () => void;
  reject: () => void;
  toggle: () => void;
  claim: () => void;
  open: () => void;
  help: () => void;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** j/k move, a approve, r reject, x select, c claim, o open, ? help; ignored while typing. */
export function useInboxShortcuts(handlers: InboxShortcutHandlers): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const map: Record<string, () => void> = {
        j: () => handlers.move(1),
        k: () => handlers.move(-1),
        a: handlers.approve,
        r: handlers.reject,
        x: handlers.toggle,
        c: handlers.claim,
        o: handlers.open,
        '?': handlers.help,
      };
      const fn = map[e.key];
      if (fn) {
        e.preventDefault();
        fn();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}
