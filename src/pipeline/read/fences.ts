/**
 * Fenced code blocks, as CommonMark reads them, for the stages that must leave code alone
 * while they rewrite the prose around it (templates.ts, links.ts).
 */

/** A line that opens (or closes) a fence: up to three spaces, then ``` or ~~~ or longer. */
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The fence a line opens, or null. */
export function fenceOpenedBy(line: string): string | null {
  return FENCE.exec(line)?.[1] ?? null;
}

/** Whether a line closes the block `open` began: the same mark, as long or longer, alone. */
export function closesFence(line: string, open: string): boolean {
  const close = FENCE.exec(line);
  return (
    close !== null &&
    close[1]![0] === open[0] &&
    close[1]!.length >= open.length &&
    line.trim() === close[0].trim()
  );
}
