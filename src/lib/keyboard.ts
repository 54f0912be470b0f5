/**
 * Whether a key pressed on `target` is typing into it. Single-key shortcuts must not steal
 * letters from text fields, but a ticked checkbox or a pressed button takes no text, so
 * "/" still reaches search from the filter panel.
 */
const NON_TEXT_INPUTS = new Set([
  'checkbox',
  'radio',
  'button',
  'submit',
  'reset',
  'range',
  'color',
  'file',
  'image',
]);

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('textarea, select, [contenteditable="true"]')) return true;
  return target instanceof HTMLInputElement && !NON_TEXT_INPUTS.has(target.type);
}
