import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * XSS vectors for the hostile-content site (`npm run build:fixtures` writes them as essays;
 * tests/e2e/hostile.spec.ts renders every one in the reader, the list and search results).
 * Every payload calls `hit('<id>')`, which would set `window.__xss` and open a dialog, so a
 * vector that runs is caught by name. Each essay also holds the word "quokka" so one search
 * lists them all.
 */

export const MARKER_WORD = 'quokka';

const hit = (id: string) => `window.__xss='${id}';alert('${id}')`;

export interface BodyVector {
  id: string;
  markdown: string;
}

export const BODY_VECTORS: BodyVector[] = [
  { id: 'script-tag', markdown: `<script>${hit('script-tag')}</script>` },
  { id: 'img-onerror', markdown: `<img src="data:," onerror="${hit('img-onerror')}">` },
  { id: 'svg-onload', markdown: `<svg onload="${hit('svg-onload')}"><circle r="5"/></svg>` },
  { id: 'iframe-js', markdown: `<iframe src="javascript:${hit('iframe-js')}"></iframe>` },
  {
    id: 'iframe-srcdoc',
    markdown: `<iframe srcdoc="<script>${hit('iframe-srcdoc')}</script>"></iframe>`,
  },
  { id: 'raw-anchor-js', markdown: `<a href="javascript:${hit('raw-anchor-js')}">raw anchor</a>` },
  {
    id: 'raw-anchor-onclick',
    markdown: `<a href="#x" onclick="${hit('raw-anchor-onclick')}">click me</a>`,
  },
  { id: 'md-link-js', markdown: `[a plain link](javascript:${hit('md-link-js')})` },
  { id: 'md-link-mixed-case', markdown: `[mixed case](JaVaScRiPt:${hit('md-link-mixed-case')})` },
  { id: 'md-link-angle', markdown: `[angle brackets](<javascript:${hit('md-link-angle')}>)` },
  { id: 'md-link-entity', markdown: `[entity](&#106;avascript:${hit('md-link-entity')})` },
  {
    id: 'md-link-hex-entity',
    markdown: `[hex entity](&#x6A;avascript:${hit('md-link-hex-entity')})`,
  },
  {
    id: 'md-link-tab-entity',
    markdown: `[tab entity](java&#x09;script:${hit('md-link-tab-entity')})`,
  },
  { id: 'md-link-percent', markdown: `[percent](javascript:window.__xss%3D'md-link-percent')` },
  {
    id: 'md-link-data',
    markdown: `[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
  },
  { id: 'md-link-vbscript', markdown: `[vbscript](vbscript:msgbox("md-link-vbscript"))` },
  {
    id: 'md-link-title',
    markdown: `[title trick](https://example.com/ "x\\" onmouseover=\\"${hit('md-link-title')}")`,
  },
  { id: 'md-image-js', markdown: `![image](javascript:${hit('md-image-js')})` },
  {
    id: 'md-image-svg-data',
    markdown: `![svg data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
  },
  {
    id: 'reference-link',
    markdown: `[reference link][evil]\n\n[evil]: javascript:${hit('reference-link')}`,
  },
  { id: 'autolink-js', markdown: `<javascript:${hit('autolink-js')}>` },
  {
    id: 'details-ontoggle',
    markdown: `<details open ontoggle="${hit('details-ontoggle')}"><summary>s</summary>t</details>`,
  },
  { id: 'body-onload', markdown: `<body onload="${hit('body-onload')}">` },
  {
    id: 'style-tag',
    markdown: `<style>body{background:url("javascript:${hit('style-tag')}")}</style>`,
  },
  { id: 'object-data', markdown: `<object data="javascript:${hit('object-data')}"></object>` },
  { id: 'embed-src', markdown: `<embed src="javascript:${hit('embed-src')}">` },
  {
    id: 'form-action',
    markdown: `<form action="javascript:${hit('form-action')}"><button>send</button></form>`,
  },
  { id: 'input-autofocus', markdown: `<input autofocus onfocus="${hit('input-autofocus')}">` },
  {
    id: 'meta-refresh',
    markdown: `<meta http-equiv="refresh" content="0;url=javascript:${hit('meta-refresh')}">`,
  },
  { id: 'base-href', markdown: `<base href="javascript:${hit('base-href')}//">` },
  { id: 'video-source', markdown: `<video><source onerror="${hit('video-source')}"></video>` },
  {
    id: 'math-mxss',
    markdown: `<math><mtext><table><mglyph><style><img src="data:," onerror="${hit('math-mxss')}">`,
  },
  {
    id: 'noscript-mxss',
    markdown: `<noscript><p title="</noscript><img src=data:, onerror=${hit('noscript-mxss')}>">`,
  },
  {
    id: 'comment-breakout',
    markdown: `<!--<img src="--><img src=data:, onerror="${hit('comment-breakout')}"//">`,
  },
  {
    id: 'svg-xlink',
    markdown: `<svg><a xlink:href="javascript:${hit('svg-xlink')}"><text x="0" y="15">svg link</text></a></svg>`,
  },
  {
    id: 'footnote-js',
    markdown: `A claim.[^1]\n\n[^1]: See [the source](javascript:${hit('footnote-js')}).`,
  },
  {
    id: 'table-cell',
    markdown: `| a | b |\n| - | - |\n| <img src="data:," onerror="${hit('table-cell')}"> | [cell](javascript:${hit('table-cell')}) |`,
  },
  { id: 'code-span', markdown: `Inline code: \`<script>${hit('code-span')}</script>\`` },
  {
    id: 'heading-html',
    markdown: `## <img src="data:," onerror="${hit('heading-html')}"> a heading`,
  },
];

export interface FrontMatterVector {
  id: string;
  title: string;
  description: string;
  theme: string;
  tags: string[];
}

export const FRONT_MATTER_VECTORS: FrontMatterVector[] = [
  {
    id: 'fm-img-title',
    title: `<img src="data:," onerror="${hit('fm-img-title')}"> a title holding html`,
    description: `<script>${hit('fm-description')}</script> a description holding html`,
    theme: 'testing security',
    tags: [`<b onmouseover="${hit('fm-tag')}">bold tag</b>`, 'xss'],
  },
  {
    id: 'fm-attribute-breakout',
    title: `"><script>${hit('fm-attribute-breakout')}</script> breaking out of an attribute`,
    description: `'"><svg onload="${hit('fm-description-svg')}">`,
    theme: `<i onmouseover="${hit('fm-theme')}">theme</i>`,
    tags: ['javascript:alert(1)', `</title><script>${hit('fm-tag-title')}</script>`],
  },
];

const quote = (s: string) => JSON.stringify(s);

/** Writes one essay per body vector, one per front matter vector, and one plain essay. */
export function writeHostileCorpus(dir: string): void {
  mkdirSync(dir, { recursive: true });
  let n = 0;
  const file = (fields: Record<string, string>, body: string) => {
    const name = `${String(n).padStart(3, '0')}_hostile.txt`;
    const front = Object.entries({
      date: 'Thu Mar 14',
      thread_id: `thread_${9000 + n}`,
      word_count: '40',
      reading_time: '1',
      ...fields,
    })
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n');
    writeFileSync(path.join(dir, name), `---\n${front}\n---\n\n${body}\n`);
    n++;
  };
  for (const v of BODY_VECTORS) {
    file(
      {
        title: quote(`hostile body: ${v.id}`),
        description: quote(`The ${v.id} vector, rendered inert.`),
        primary_theme: 'testing security',
        tags: JSON.stringify(['xss', v.id]),
      },
      `A ${MARKER_WORD} paragraph before the ${v.id} vector.\n\n${v.markdown}\n\nThe text after the ${v.id} vector still reads.`,
    );
  }
  for (const v of FRONT_MATTER_VECTORS) {
    file(
      {
        title: quote(v.title),
        description: quote(v.description),
        primary_theme: quote(v.theme),
        tags: JSON.stringify(v.tags),
      },
      `A plain ${MARKER_WORD} body after a hostile front matter (${v.id}). Nothing here should run.`,
    );
  }
}
