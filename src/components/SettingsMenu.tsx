import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { ReadingSettings } from '../lib/settings';

/**
 * The panel loads when first wanted (a pointer over the button, focus, or a press): it is
 * the largest part of the header, and every first page paid for it before anyone opened it
 * (docs/decisions/0015 keeps the first page from growing).
 */
const loadPanel = () => import('./SettingsPanel');
const SettingsPanel = lazy(() => loadPanel().then((m) => ({ default: m.SettingsPanel })));

/** The "Aa" button in the header and the settings it opens. Escape or a click outside closes it. */
export function SettingsMenu(props: {
  settings: ReadingSettings;
  onChange: (next: ReadingSettings) => void;
  saved: boolean;
}) {
  const [open, setOpen] = useState(false);
  // Once opened, the panel stays mounted (hidden when closed), as it always was.
  const [wanted, setWanted] = useState(false);
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
        onPointerEnter={() => void loadPanel()}
        onFocus={() => void loadPanel()}
        onClick={() => {
          setWanted(true);
          setOpen((o) => !o);
        }}
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
        {wanted ? (
          <Suspense fallback={<p className="muted">Loading the settings…</p>}>
            <SettingsPanel {...props} />
          </Suspense>
        ) : null}
      </div>
    </div>
  );
}
