/**
 * Letters typed into the prerendered search box before the app took the page over: hydration
 * sets a controlled box back to its state (empty), which lost them on a slow phone. main.tsx
 * remembers them just before, and the header's search box takes them once it is live.
 */
let typed = '';

export function rememberTypedBeforeApp(root: ParentNode): void {
  typed =
    root.querySelector<HTMLInputElement>('form[role="search"] input[type="search"]')?.value ?? '';
}

/** What was typed before the app, once (then empty). */
export function takeTypedBeforeApp(): string {
  const early = typed;
  typed = '';
  return early;
}
