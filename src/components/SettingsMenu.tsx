import { useEffect, useId, useRef, useState } from 'react';
import type { ReadingSettings } from '../lib/settings';
import { SettingsPanel } from './SettingsPanel';

/** The "Aa" button in the header and the settings it opens. Escape or a click outside closes it. */
export function SettingsMenu(props: {
  settings: ReadingSettings;
  onChange: (next: ReadingSettings) => void;
  saved: boolean;
}) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        setOpen(false);
        button.current?.focus();
      }
    };
    const onPointer = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);
  return (
    <div className="settings-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="settings-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">Aa</span> Reading settings
      </button>
      <div
        id={panelId}
        className="settings-popover"
        hidden={!open}
        role="group"
        aria-label="Reading settings"
      >
        <SettingsPanel {...props} />
      </div>
    </div>
  );
}
