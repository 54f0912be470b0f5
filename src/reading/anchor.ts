/**
 * Where a highlight is, in a form that survives the essay being edited: the W3C Web
 * Annotation TextQuoteSelector (the exact words, with some words before and after) plus a
 * TextPositionSelector (character offsets in the essay's text) as a hint. To find it again:
 * the offsets if the words there are still the same; else every place the exact words
 * occur, scored by how well the text around each matches and how near it is to where the
 * highlight was. Not found means detached: kept and listed, never deleted.
 */

export interface TextQuote {
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPosition {
  start: number;
  end: number;
}

export interface Anchor extends TextQuote, TextPosition {}

export const CONTEXT_LENGTH = 32;

export function describeSpan(text: string, start: number, end: number): Anchor {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    start,
    end,
  };
}

/** Characters two strings share from their ends inward (prefix) or starts onward (suffix). */
function sharedTail(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function sharedHead(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The span the anchor names in `text` now, or null when its words are gone. */
export function findAnchor(text: string, anchor: Anchor): TextPosition | null {
  const { exact } = anchor;
  if (exact === '') return null;
  if (text.slice(anchor.start, anchor.end) === exact) {
    // Same words in the same place; still, an edit above may have moved other words there.
    const contextHolds =
      sharedTail(text.slice(0, anchor.start), anchor.prefix) === anchor.prefix.length ||
      sharedHead(text.slice(anchor.end), anchor.suffix) === anchor.suffix.length;
    if (contextHolds) return { start: anchor.start, end: anchor.end };
  }
  let best: TextPosition | null = null;
  let bestScore = -Infinity;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const before = sharedTail(
      text.slice(Math.max(0, at - anchor.prefix.length), at),
      anchor.prefix,
    );
    const after = sharedHead(text.slice(at + exact.length), anchor.suffix);
    // Context decides; distance from the old place only breaks ties.
    const score = before + after - Math.abs(at - anchor.start) / (text.length + 1);
    if (score > bestScore) {
      bestScore = score;
      best = { start: at, end: at + exact.length };
    }
  }
  return best;
}

/** The text of `root` as one string, and where each text node starts in it. */
export function textNodesOf(root: Node): { text: string; nodes: Text[]; starts: number[] } {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  const starts: number[] = [];
  let text = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    nodes.push(n as Text);
    starts.push(text.length);
    text += (n as Text).data;
  }
  return { text, nodes, starts };
}

/** The offsets of a DOM range inside `root`'s text, or null when it is not inside. */
export function offsetsOf(root: Node, range: Range): TextPosition | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const measure = (container: Node, offset: number) => {
    const r = root.ownerDocument!.createRange();
    r.setStart(root, 0);
    r.setEnd(container, offset);
    return r.toString().length;
  };
  const start = measure(range.startContainer, range.startOffset);
  const end = measure(range.endContainer, range.endOffset);
  return end > start ? { start, end } : null;
}

/** A DOM range over `root`'s text from `start` to `end`. */
export function rangeAt(
  root: Node,
  position: TextPosition,
  // Passed in when placing many spans at once, so the text is walked once, not per span.
  walked: ReturnType<typeof textNodesOf> = textNodesOf(root),
): Range | null {
  const { nodes, starts, text } = walked;
  if (position.end > text.length || position.start >= position.end) return null;
  // The start lies in the node holding its character; the end in the node holding the one
  // before it, so a span never begins or ends in an empty neighbour.
  const a = nodes.findIndex(
    (n, i) => starts[i]! <= position.start && position.start < starts[i]! + n.length,
  );
  const b = nodes.findIndex(
    (n, i) => starts[i]! < position.end && position.end <= starts[i]! + n.length,
  );
  if (a < 0 || b < 0) return null;
  const range = root.ownerDocument!.createRange();
  range.setStart(nodes[a]!, position.start - starts[a]!);
  range.setEnd(nodes[b]!, position.end - starts[b]!);
  return range;
}
