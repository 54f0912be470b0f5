import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../src/components/Markdown';
import { essayHtmlPlugins } from '../../src/lib/rehypeHtml';
import { bodyParts } from '../../src/pipeline/derive/markdown';
import { BODY_VECTORS } from '../corpora/xss';

/** The reader's rendering of an essay that has HTML (as EssayBody gives it). */
const render = (markdown: string) =>
  renderToStaticMarkup(createElement(Markdown, { markdown, htmlPlugins: essayHtmlPlugins }));

describe('HTML written in an essay', () => {
  it('is read as HTML: figures, captions, images, details, sup, sub, kbd, abbr', () => {
    const html = render(
      [
        '<figure><img src="/img/cat.png" alt="A cat" width="640"><figcaption>The cat,<br>asleep</figcaption></figure>',
        '',
        '<details><summary>More</summary>Hidden words</details>',
        '',
        'E = mc<sup>2</sup>, H<sub>2</sub>O, press <kbd>Ctrl</kbd>, the <abbr title="World Health Organization">WHO</abbr>.',
      ].join('\n'),
    );
    expect(html).toContain(
      '<figure><img src="/img/cat.png" alt="A cat" width="640"/><figcaption>The cat,<br/>asleep</figcaption></figure>',
    );
    expect(html).toContain('<details><summary>More</summary>Hidden words</details>');
    expect(html).toContain('mc<sup>2</sup>, H<sub>2</sub>O, press <kbd>Ctrl</kbd>');
    expect(html).toContain('<abbr title="World Health Organization">WHO</abbr>');
    expect(html).not.toContain('&lt;');
  });

  it('keeps Markdown inside an HTML block, and unwraps elements it does not list', () => {
    const html = render(
      '<div class="note" style="color:red">\n\n**Bold** words\n\n</div>\n\n<Server>text of a component</Server>',
    );
    expect(html).toContain('<div>\n<p><strong>Bold</strong> words</p>\n</div>');
    expect(html).toContain('text of a component');
    expect(html).not.toMatch(/style=|class="note"|<server/i);
  });

  it('turns an embedded frame into a link to what it showed, and a tweet into its quote', () => {
    const html = render(
      '<iframe width="560" src="https://www.youtube.com/embed/abc123" title="A talk on parsers" allowfullscreen></iframe>\n\n' +
        '<iframe src="https://player.vimeo.com/video/1"></iframe>\n\n' +
        '<blockquote class="twitter-tweet"><p>Hello world</p>&mdash; Someone <a href="https://twitter.com/x/status/1">May 1, 2020</a></blockquote> <script async src="https://platform.twitter.com/widgets.js"></script>',
    );
    expect(html).toContain(
      '<p><a href="https://www.youtube.com/embed/abc123" class="embed-link" rel="noopener noreferrer" target="_blank">A talk on parsers</a></p>',
    );
    expect(html).toContain(
      '<a href="https://player.vimeo.com/video/1" class="embed-link" rel="noopener noreferrer" target="_blank">Video on Vimeo</a>',
    );
    expect(html).toContain(
      '<blockquote><p>Hello world</p>— Someone <a href="https://twitter.com/x/status/1"',
    );
    expect(html).not.toMatch(/<iframe|<script|widgets\.js|twitter-tweet/);
  });

  it('gives video and audio their controls, and no autoplay', () => {
    const html = render(
      '<video src="/clip.mp4" autoplay muted></video>\n\n<audio src="/a.mp3"></audio>',
    );
    expect(html).toMatch(/<video src="\/clip.mp4" (?=[^>]*controls)(?=[^>]*muted)[^>]*>/);
    expect(html).toMatch(/<audio src="\/a.mp3" controls/);
    expect(html).not.toContain('autoplay');
  });

  it('keeps the reader’s own heading ids, footnotes and highlighted code', () => {
    const html = render('## A heading\n\nText.[^1]\n\n<p>HTML</p>\n\n[^1]: The note.');
    expect(html).toContain('<h2 id="a-heading">A heading</h2>');
    expect(html).toContain('href="#user-content-fn-1" id="user-content-fnref-1"');
    expect(html).toContain('<li id="user-content-fn-1">');
  });

  it('renders every XSS vector inert: no script, handler, javascript: URL, frame or style', () => {
    for (const vector of BODY_VECTORS) {
      const html = render(vector.markdown);
      expect(html, vector.id).not.toMatch(/<script|<iframe|<object|<embed|<svg|<form|<style/i);
      expect(html, vector.id).not.toMatch(/\son[a-z]+="/i);
      expect(html, vector.id).not.toMatch(
        /(href|src|action|formaction|srcdoc|xlink:href)="\s*(javascript|data|vbscript):/i,
      );
      expect(html, vector.id).not.toMatch(/\sstyle=/i);
    }
  });
});

describe('the build says which essays have HTML', () => {
  it('flags a tag or a comment, and not a less-than sign or code', () => {
    expect(bodyParts('A <b>bold</b> word').html).toBe(true);
    expect(bodyParts('Before\n\n<!-- a comment -->\n\nafter').html).toBe(true);
    expect(bodyParts('1 < 2 and a<b in prose').html).toBeUndefined();
    expect(bodyParts('Code: `<div>` and\n\n```html\n<p>x</p>\n```').html).toBeUndefined();
  });
});

describe('callouts (Obsidian, GitHub alerts)', () => {
  const plain = (markdown: string) => renderToStaticMarkup(createElement(Markdown, { markdown }));

  it('become an aside with their title, classed by type', () => {
    const html = plain('> [!warning] Before you start\n> Back up the **vault** first.');
    expect(html).toContain(
      '<aside class="callout callout-warning">\n<p class="callout-title">Before you start</p>\n<p>Back up the <strong>vault</strong> first.</p>',
    );
    expect(html).not.toContain('[!warning]');
  });

  it('take their type as the title when none is given, and fold with + or -', () => {
    expect(plain('> [!tip]\n> Short.')).toContain(
      '<aside class="callout callout-tip">\n<p class="callout-title">Tip</p>',
    );
    expect(plain('> [!faq]- Why?\n> Because.')).toContain(
      '<details class="callout callout-faq">\n<summary class="callout-title">Why?</summary>',
    );
    expect(plain('> [!note]+ Open\n> Shown.')).toMatch(
      /<details class="callout callout-note" open="">/,
    );
  });

  it('keep their shape when the essay also has HTML, and leave a plain quote a quote', () => {
    expect(render('> [!info] Title\n> Text <sup>1</sup>')).toContain(
      '<aside class="callout callout-info">\n<p class="callout-title">Title</p>',
    );
    expect(plain('> Just a quote [!not] a callout')).toContain('<blockquote>');
  });
});
