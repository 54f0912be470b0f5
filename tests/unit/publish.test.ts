import { describe, expect, it } from 'vitest';
import { absoluteUrl, isPublished, siteConfig, type PublishedSite } from '../../src/domain/site';
import { atomFeed, publishEmitter, robots, sitemap } from '../../src/pipeline/emit/publish';
import { runEmitters } from '../../src/pipeline/emit/context';

function published(env: Record<string, string>): PublishedSite {
  const site = siteConfig(env);
  if (!isPublished(site)) throw new Error('expected a site address');
  return site;
}
import { runOnTexts } from '../../src/pipeline/run';

describe('site config', () => {
  it.each([
    [{}, null, '/'],
    [{ BASE_PATH: '/preview' }, null, '/preview/'],
    [{ SITE_URL: 'https://example.org' }, 'https://example.org/', '/'],
    [{ SITE_URL: 'https://example.org/essays' }, 'https://example.org/essays/', '/essays/'],
    [{ SITE_URL: 'https://example.org/essays/?x=1#y' }, 'https://example.org/essays/', '/essays/'],
    [
      { SITE_URL: 'https://example.org/essays/', BASE_PATH: '/preview' },
      'https://example.org/essays/',
      '/preview/',
    ],
  ])('%j → url %s, base path %s', (env, url, basePath) => {
    expect(siteConfig(env)).toMatchObject({ url, basePath });
  });

  it.each([
    [{ SITE_URL: 'example.org' }, /not an absolute URL/],
    [{ SITE_URL: 'ftp://example.org/' }, /must start with https/],
    [{ BASE_PATH: 'essays/' }, /must start with "\/"/],
  ])('%j is refused with a plain message', (env, message) => {
    expect(() => siteConfig(env)).toThrow(message);
  });

  it('builds absolute URLs under the site address', () => {
    const site = published({ SITE_URL: 'https://example.org/essays/' });
    expect(absoluteUrl(site, '/essays/x')).toBe('https://example.org/essays/essays/x');
    expect(absoluteUrl(site, '/')).toBe('https://example.org/essays/');
  });
});

describe('a build without SITE_URL', () => {
  it('writes no feed or sitemap and points robots.txt at none: no made-up host anywhere', () => {
    const { files } = runEmitters([publishEmitter(siteConfig({}))], { essays: [], media: [] });
    expect(files).toEqual([{ fileName: 'robots.txt', source: 'User-agent: *\nAllow: /\n' }]);
  });
});

describe('feed, sitemap and robots', () => {
  const site = published({ SITE_URL: 'https://example.org/lib/', SITE_NAME: 'Notes & <Essays>' });
  const { essays } = runOnTexts(
    {
      '000_a.txt': `---
title: "<script>alert('x')</script> & friends\u0001"
date: 2024-03-14
description: "Quotes \\"here\\" and <b>tags</b>"
thread_id: t1
word_count: 3
reading_time: 1
primary_theme: "cities & transit"
tags: ["a<b", "c"]
---

Body words here.
`,
    },
    { anchorDate: '2026-11-24' },
  );

  it('escapes every field and drops characters XML cannot hold', () => {
    const feed = atomFeed(site, essays);
    expect(feed).toContain(
      '<title>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt; &amp; friends</title>',
    );
    expect(feed).toContain(
      '<summary>Quotes &quot;here&quot; and &lt;b&gt;tags&lt;/b&gt;</summary>',
    );
    expect(feed).toContain('<category term="a&lt;b"/>');
    expect(feed).toContain('<title>Notes &amp; &lt;Essays&gt;</title>');
    expect([...feed].some((c) => c.charCodeAt(0) < 9)).toBe(false);
    expect(feed).toContain('<published>2024-03-14T12:00:00Z</published>');
  });

  it('lists home, indexes, essays, tags and themes under the site address', () => {
    const map = sitemap(site, essays);
    const locs = [...map.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual([
      'https://example.org/lib/',
      'https://example.org/lib/tags',
      'https://example.org/lib/themes',
      `https://example.org/lib/essays/${essays[0]!.slug}`,
      'https://example.org/lib/tags/a~3c.b', // term slugs are reversible (decision 0004)
      'https://example.org/lib/tags/c',
      'https://example.org/lib/themes/cities-~26.-transit',
    ]);
    expect(robots(site)).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/lib/sitemap.xml\n',
    );
  });
});
