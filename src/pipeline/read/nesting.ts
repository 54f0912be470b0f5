import { MAX_NESTING } from '../../lib/remarkFlattenDeep.ts';
import { closesFence, fenceOpenedBy } from './fences.ts';
import { warning, type Problem } from '../problems.ts';

/**
 * Quotes and lists opened on one line (`>>>>>…`, `- - - …`) are capped at MAX_NESTING before
 * the text is parsed: a line of 20,000 `>` overflowed the parser's own stack, which no later
 * flattening (lib/remarkFlattenDeep.ts) can reach. The markers past the cap are dropped, the
 * line's text is kept, and the file and line are named. Code blocks are left as written.
 */

/** A line that opens more than MAX_NESTING containers (each step needs a marker: linear). */
const TOO_DEEP = new RegExp(
  `^(?:[ \\t]*(?:>|[-*+][ \\t]|\\d{1,9}[.)][ \\t])){${MAX_NESTING + 1}}`,
  'm',
);

/**
 * A run of more emphasis marks than any emphasis needs (`*` × 20,000 around a word is 10,000
 * nested strong spans, and remark-gfm's own walk recursed through them): kept to 2 × MAX_NESTING.
 */
/** One line in the build's output for all of them, whichever the kind. */
const TOO_DEEP_GROUP = 'nesting (quotes, lists, emphasis) too deep was kept to a readable depth';

const LONG_RUN = new RegExp(`[*_~]{${2 * MAX_NESTING + 1},}`);
const LONG_RUNS = new RegExp(LONG_RUN.source, 'g');

/** How many container markers a line opens with, and where its content starts. */
function containerPrefix(line: string): { markers: number[]; end: number } {
  const markers: number[] = [];
  let i = 0;
  for (;;) {
    let j = i;
    while (line[j] === ' ' || line[j] === '\t') j++;
    const c = line[j];
    let next = -1;
    if (c === '>') next = j + 1;
    else if ((c === '-' || c === '*' || c === '+') && (line[j + 1] === ' ' || line[j + 1] === '\t'))
      next = j + 1;
    else {
      let k = j;
      while (k - j < 9 && line[k]! >= '0' && line[k]! <= '9') k++;
      if (
        k > j &&
        (line[k] === '.' || line[k] === ')') &&
        (line[k + 1] === ' ' || line[k + 1] === '\t')
      )
        next = k + 1;
    }
    if (next === -1) return { markers, end: i };
    markers.push(next);
    i = next;
  }
}

export function capNesting(
  body: string,
  file: string,
  bodyLine: number,
): { markdown: string; problems: Problem[] } {
  if (!TOO_DEEP.test(body) && !LONG_RUN.test(body)) return { markdown: body, problems: [] };
  const problems: Problem[] = [];
  let fence: string | null = null;
  let changed = false;
  const lines = body.split('\n').map((line, i) => {
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      return line;
    }
    const { markers, end } = containerPrefix(line);
    const opened = fenceOpenedBy(line.slice(end));
    if (opened) {
      fence = opened;
      return line;
    }
    let kept = line;
    if (markers.length > MAX_NESTING) {
      problems.push(
        warning(
          file,
          `quotes or lists are nested ${markers.length} deep on this line; kept to ${MAX_NESTING}`,
          bodyLine + i,
          TOO_DEEP_GROUP,
        ),
      );
      kept = line.slice(0, markers[MAX_NESTING - 1]) + ' ' + line.slice(end).trimStart();
    }
    if (LONG_RUN.test(kept)) {
      problems.push(
        warning(
          file,
          `a run of more than ${2 * MAX_NESTING} emphasis marks (*, _ or ~); kept to ${2 * MAX_NESTING}`,
          bodyLine + i,
          TOO_DEEP_GROUP,
        ),
      );
      kept = kept.replace(LONG_RUNS, (run) => run.slice(0, 2 * MAX_NESTING));
    }
    if (kept !== line) changed = true;
    return kept;
  });
  return { markdown: changed ? lines.join('\n') : body, problems };
}
