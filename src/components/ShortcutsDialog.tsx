import { forwardRef } from 'react';

/** The keyboard help, a native modal dialog (Escape and the button close it). */
export const SHORTCUTS: readonly [string, string][] = [
  ['j or →', 'Next essay'],
  ['k or ←', 'Previous essay'],
  ['t', 'Table of contents'],
  ['Esc', 'Back to the list'],
  ['/', 'Search'],
  ['?', 'This help'],
];

export const ShortcutsDialog = forwardRef<HTMLDialogElement>(function ShortcutsDialog(_props, ref) {
  return (
    <dialog ref={ref} className="shortcuts" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <dl>
        {SHORTCUTS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit">Close</button>
      </form>
    </dialog>
  );
});
