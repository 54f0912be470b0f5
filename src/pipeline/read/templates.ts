import { closesFence, fenceOpenedBy } from './fences.ts';
import { warning, type Problem } from '../problems.ts';

/**
 * Template syntax that generators leave in a post's Markdown (Jekyll's and Eleventy's Liquid
 * and Nunjucks, Hugo's shortcodes), expanded the way the generator would or removed, so it
 * never reaches the reader as text. Each removal is a warning with the file and line.
 *
 * - `{% raw %}…{% endraw %}` is unwrapped and its inside kept exactly; `{% comment %}` blocks
 *   go; `{% highlight x %}` and `{{< highlight x >}}` become code fences.
 * - `{% post_url x %}`, `{% link x %}`, `{{< ref "x" >}}` and `{{< relref "x" >}}` become
 *   `essay-file:x`, which src/pipeline/derive/links.ts turns into the essay's address.
 * - `{{ "/x" | relative_url }}` gives its text; `{{ site.baseurl }}` and `{{ site.url }}` go.
 * - `{{< figure >}}` becomes an image with its caption; `{{< youtube id >}}` a link.
 * - A paired shortcode the app does not know keeps what it wraps.
 * - Inside code fences only `{% raw %}` tags are touched: code is never changed otherwise.
 * - `<!--more-->` marks the excerpt (the text above it) and is removed.
 */

export interface TemplateResult {
  markdown: string;
  /** The Markdown above `<!--more-->`, when the file has one. */
  excerpt: string | null;
  problems: Problem[];
}

/** The link a template gave for another file in the archive; resolved in links.ts. */
export const ESSAY_FILE_LINK = 'essay-file:';

const CHEAP_CHECK = /\{[{%]|<!--\s*more\s*-->/;

/**
 * One template token: inline code (kept as written), an escaped shortcode, a Hugo shortcode, a
 * Liquid tag, a Liquid/Hugo expression, or `<!--more-->`. Every run inside a tag is bounded
 * and no two adjacent parts can match the same characters, so a line of 100,000 `{{` costs
 * linear time (an unbounded `(.*?)\s*}}` made it quadratic: minutes for one file). Captures
 * may carry the spaces before the closing mark; they are trimmed where used.
 */
const TOKEN =
  /(`+)[^`]*?\1|\{\{([<%])\s*\/\*(.{0,2000}?)\*\/\s*[>%]\}\}|\{\{<\s*(\/?)([\w./-]+)(.{0,2000}?)>\}\}|\{\{%\s*(\/?)([\w./-]+)(.{0,2000}?)%\}\}|\{%-?\s*(\w+)(.{0,2000}?)-?%\}|\{\{-?(.{0,2000}?)-?\}\}|<!--\s*more\s*-->/g;

const RAW_TAG = /\{%-?\s*(?:end)?raw\s*-?%\}/g;
const END_RAW = /\{%-?\s*endraw\s*-?%\}/;
const END_COMMENT = /\{%-?\s*endcomment\s*-?%\}/;
/** A highlight tag's language as a fence names it: `"bash"` (Eleventy quotes it) is `bash`. */
const fenceLanguage = (arg: string | undefined) => (arg ?? '').replace(/^["']|["']$/g, '');

const HIGHLIGHT = /^\s*(?:\{%-?\s*highlight\b|\{\{<\s*highlight\b)/;
const END_HIGHLIGHT = /^\s*(?:\{%-?\s*endhighlight\s*-?%\}|\{\{<\s*\/highlight\s*>\}\})\s*$/;

/** Liquid tags that only steer a template (no text of their own). */
const CONTROL_TAGS = new Set([
  'if',
  'elsif',
  'else',
  'endif',
  'unless',
  'endunless',
  'for',
  'endfor',
  'case',
  'when',
  'endcase',
  'assign',
  'capture',
  'endcapture',
  'set',
  'endset',
  'block',
  'endblock',
]);

/** Liquid values that are the site's own address: links already work without them. */
const SITE_ADDRESS = /^(?:site\.(?:baseurl|url)|base_path|baseurl)$/;

/**
 * A shortcode's arguments: named (`src="x.png"`) and by position (`octocat 12345`). Names are
 * kept apart from positions and in an object with no prototype, since they are the author's
 * words: `_=octocat` or `__proto__=x` is just a name.
 */
interface ShortcodeArgs {
  named: Record<string, string | undefined>;
  positional: string[];
}

function attributes(args: string): ShortcodeArgs {
  const found: ShortcodeArgs = {
    named: Object.create(null) as Record<string, string>,
    positional: [],
  };
  for (const m of args.matchAll(/(?:([\w-]+)\s*=\s*)?(?:"([^"]*)"|'([^']*)'|(\S+))/g)) {
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    if (m[1]) found.named[m[1]] = value;
    else found.positional.push(value);
  }
  return found;
}

const quoted = (text: string) => /^["']([^"']*)["']/.exec(text.trim())?.[1];

export function expandTemplates(body: string, file: string, bodyLine: number): TemplateResult {
  if (!CHEAP_CHECK.test(body)) return { markdown: body, excerpt: null, problems: [] };
  const problems: Problem[] = [];
  const out: string[] = [];
  let excerpt: string | null = null;
  let fence: string | null = null; // the fence that opened the code block we are in
  let templateFence = false; // that fence was a `{% highlight %}` tag, closed by its end tag
  let mode: 'text' | 'raw' | 'comment' = 'text';
  const lines = body.split('\n');
  // Shortcodes with a closing tag somewhere: the text between the two is kept.
  const paired = new Set(
    [...body.matchAll(/\{\{[<%]\s*\/([\w./-]+)\s*[>%]\}\}/g)].map((c) => c[1]!),
  );

  lines.forEach((line, i) => {
    const lineNo = bodyLine + i;
    const removed = (what: string, more = '') =>
      problems.push(
        warning(
          file,
          `template syntax ${what} has no meaning here; removed${more}`,
          lineNo,
          'template syntax the app cannot run was removed',
        ),
      );
    if (mode === 'comment') {
      const end = END_COMMENT.exec(line);
      if (!end) return;
      mode = 'text';
      line = line.slice(end.index + end[0].length);
      if (line.trim() === '') return;
    }
    if (fence !== null && mode === 'text') {
      if (templateFence && END_HIGHLIGHT.test(line)) {
        out.push('```');
        fence = null;
        templateFence = false;
        return;
      }
      const inside = line.replace(RAW_TAG, '');
      if (inside.trim() === '' && line.trim() !== '') return; // a raw tag on its own line
      out.push(inside);
      if (closesFence(line, fence)) fence = null;
      return;
    }
    let text = '';
    let rest = line;
    while (rest !== '') {
      if (mode === 'raw') {
        const end = END_RAW.exec(rest);
        if (!end) {
          text += rest;
          rest = '';
          break;
        }
        text += rest.slice(0, end.index);
        rest = rest.slice(end.index + end[0].length);
        mode = 'text';
        continue;
      }
      if (mode === 'comment') {
        const end = END_COMMENT.exec(rest);
        rest = end ? rest.slice(end.index + end[0].length) : '';
        if (end) mode = 'text';
        continue;
      }
      TOKEN.lastIndex = 0;
      const m = TOKEN.exec(rest);
      if (!m) {
        text += rest;
        break;
      }
      text += rest.slice(0, m.index);
      rest = rest.slice(m.index + m[0].length);
      const [whole] = m;
      if (m[1] !== undefined) {
        text += whole; // inline code: as written
      } else if (m[2] !== undefined) {
        text += `{{${m[2]}${m[3]}${m[2] === '<' ? '>' : '%'}}}`; // an escaped shortcode
      } else if (m[5] !== undefined || m[8] !== undefined) {
        const closing = (m[4] ?? m[7]) === '/';
        const name = (m[5] ?? m[8])!;
        const args = attributes(m[6] ?? m[9] ?? '');
        text += shortcode(name, closing, args, m[5] !== undefined ? '<' : '%', (what) =>
          removed(what, paired.has(name) ? ' (the text it wraps is kept)' : ''),
        );
      } else if (m[10] !== undefined) {
        const name = m[10];
        const args = (m[11] ?? '').trim();
        if (name === 'raw') mode = 'raw';
        else if (name === 'endraw') continue;
        else if (name === 'comment') mode = 'comment';
        else if (name === 'highlight') text += '```' + fenceLanguage(args.trim().split(/\s+/)[0]);
        else if (name === 'endhighlight') text += '```';
        else if (name === 'post_url' || name === 'link')
          text += ESSAY_FILE_LINK + encodeURI(args.trim());
        else if (CONTROL_TAGS.has(name)) removed(`{% ${name} %}`);
        else removed(`{% ${name}${args ? ' ' + args.trim() : ''} %}`);
      } else if (m[12] !== undefined) {
        const expression = m[12].trim();
        const literal = quoted(expression);
        if (literal !== undefined) text += literal;
        else if (!SITE_ADDRESS.test(expression.trim())) removed(`{{ ${expression} }}`);
      } else {
        excerpt ??= [...out, text].join('\n');
      }
    }
    // A line that held only template tags leaves no blank line behind.
    if (text.trim() === '' && line.trim() !== '') {
      if (mode === 'text' || mode === 'comment') return;
    }
    out.push(text);
    const open = fenceOpenedBy(text);
    if (open && mode === 'text') {
      fence = open;
      templateFence = HIGHLIGHT.test(line);
    }
  });
  return { markdown: out.join('\n'), excerpt, problems };
}

function shortcode(
  name: string,
  closing: boolean,
  { named, positional }: ShortcodeArgs,
  /** `{{< >}}` or `{{% %}}`, as written: the warning quotes it. */
  delimiter: '<' | '%',
  removed: (what: string) => void,
): string {
  if (name === 'highlight') return closing ? '```' : '```' + fenceLanguage(positional[0]);
  if (closing) return '';
  switch (name) {
    case 'ref':
    case 'relref':
      return ESSAY_FILE_LINK + encodeURI(positional[0] ?? '');
    case 'figure': {
      const src = named.src ?? '';
      const alt = named.alt ?? named.caption ?? named.title ?? '';
      const caption = named.caption ?? named.title;
      return `![${alt}](${encodeURI(src)})` + (caption ? `\n\n*${caption}*` : '');
    }
    case 'youtube': {
      const id = named.id ?? positional[0];
      return id
        ? `[Video on YouTube](https://www.youtube.com/watch?v=${encodeURIComponent(id)})`
        : '';
    }
    case 'vimeo': {
      const id = named.id ?? positional[0];
      return id ? `[Video on Vimeo](https://vimeo.com/${encodeURIComponent(id)})` : '';
    }
    case 'gist': {
      const [user, id] = positional;
      return user && id ? `[Gist ${id}](https://gist.github.com/${user}/${id})` : '';
    }
    default:
      // A paired one's closing tag is dropped too, quietly (the warning says it for both).
      removed(`{{${delimiter} ${name} ${delimiter === '<' ? '>' : '%'}}}`);
      return '';
  }
}
