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

/**
 * Each line of a Markdown text through `change`, told whether the line belongs to a fenced
 * code block (its fences included): for the stages that rewrite or drop whole lines.
 */
export function mapLines(
  markdown: string,
  change: (line: string, inCode: boolean) => string,
): string {
  let fence: string | null = null;
  return markdown
    .split('\n')
    .map((line) => {
      if (fence !== null) {
        if (closesFence(line, fence)) fence = null;
        return change(line, true);
      }
      fence = fenceOpenedBy(line);
      return change(line, fence !== null);
    })
    .join('\n');
}

/**
 * Applies `change` to the prose of a Markdown text: not inside fenced code blocks, indented
 * code after a blank line, or inline code spans. `start` is the prose's offset in the text.
 */
export function mapOutsideCode(
  markdown: string,
  change: (text: string, start: number) => string,
): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  let prose: string[] = [];
  let proseStart = 0;
  let offset = 0;
  let fence: string | null = null;
  const flush = () => {
    if (prose.length === 0) return;
    out.push(changeOutsideInlineCode(prose.join('\n'), proseStart, change));
    prose = [];
  };
  for (const line of lines) {
    const open = fenceOpenedBy(line);
    if (fence !== null) {
      out.push(line);
      if (closesFence(line, fence)) fence = null;
    } else if (open) {
      flush();
      out.push(line);
      fence = open;
    } else {
      if (prose.length === 0) proseStart = offset;
      prose.push(line);
    }
    offset += line.length + 1;
  }
  flush();
  // Lines were pushed in order; prose blocks were joined with their own newlines.
  return out.join('\n');
}

function changeOutsideInlineCode(
  text: string,
  start: number,
  change: (text: string, start: number) => string,
): string {
  // Code spans are set aside as placeholders (private-use characters, which prose does not
  // hold), so a link whose label has code in it (`[\`--flag\`](/docs/)`) is still one link.
  const spans: string[] = [];
  const held = text.replace(/(?<!`)(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, (code) => {
    spans.push(code);
    return `\uE000${spans.length - 1}\uE001`;
  });
  if (spans.length === 0) return change(text, start);
  return change(held, start).replace(/\uE000(\d+)\uE001/g, (_m, i: string) => spans[Number(i)]!);
}
