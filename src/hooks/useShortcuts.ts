import { useEffect } from 'react';
import { isTypingTarget } from '../lib/keyboard';

/**
 * Single-key shortcuts. Ignored while typing in a field or with a modifier held, so they
 * never steal a letter from a search box or a browser shortcut.
 */
export function useShortcuts(handlers: Record<string, () => void>): void {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (isTypingTarget(target) || target?.closest?.('dialog[open]')) return;
      const handler = handlers[event.key];
      if (!handler) return;
      event.preventDefault();
      handler();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [handlers]);
}
