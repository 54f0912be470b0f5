/**
 * An essay file's text: front matter lines from `defaults` with `fields` replacing or adding
 * lines (`null` leaves a line out), then the body. Values are written as given, quotes and all.
 */
export function essayText(
  defaults: Record<string, string>,
  fields: Record<string, string | null>,
  body: string,
): string {
  const lines = Object.entries({ ...defaults, ...fields })
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}
