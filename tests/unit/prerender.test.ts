import { describe, expect, it } from 'vitest';
import { pageHtml } from '../../src/pipeline/vite/prerender';

const TEMPLATE =
  '<!doctype html><html><head><title>Essays</title><script src="/boot-settings.js"></script></head>' +
  '<body><div id="root"></div></body></html>';

describe('a prerendered page', () => {
  // `$` sequences mean something to String.replace when the replacement is a string.
  const dollars = "A loaf cost $$3, and $& is what a regex calls the match; $` and $' too; $$x$$";
  const rendered = `<title>On $&amp; prices $$ · Essays</title><main><p>${dollars}</p></main>`;
  const page = pageHtml(TEMPLATE, rendered, '/essays/prices');

  it('keeps an essay’s dollar signs exactly as written', () => {
    expect(page).toContain(`<p>${dollars}</p>`);
    expect(page).toContain('<title>On $&amp; prices $$ · Essays</title>');
  });

  it('has one root and one boot script', () => {
    expect(page.match(/id="root"/g)).toHaveLength(1);
    expect(page.match(/boot-settings\.js/g)).toHaveLength(1);
    expect(page).toContain('<div id="root" data-prerendered="/essays/prices"><main>');
  });
});
