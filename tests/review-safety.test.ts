/**
 * Review pages and their index are safe to open whatever the articles contain (issue 14): hostile
 * articles (tests/fixtures/hostile-article.ts) go through the CLI and the writer, and every page
 * written is parsed and checked for inert markup and links and a CSP that allows exactly the page's
 * own style and script (tests/fixtures/inspect-html.ts). The same pages in Chromium:
 * tests/review-hostile-browser.test.ts.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { createExtractor } from '../src/pipeline.ts';
import type { ExtractionDocument } from '../src/schema/index.ts';
import { contentSecurityPolicy, cspHash, htmlAttribute, htmlText, httpUrl } from '../src/writers/html-safety.ts';
import { reviewIndexEntry, toReviewHtml, toReviewIndexHtml } from '../src/writers/review.ts';
import { browserSkipReason, CHROMIUM_INSTALL } from './fixtures/chromium.ts';
import { BIDI_CONTROLS, BIDI_PAYLOADS, GOOD_URLS, HOSTILE_PAGE, HOSTILE_URLS, hostileJsonl, poisonDocument } from './fixtures/hostile-article.ts';
import { inspectHtml } from './fixtures/inspect-html.ts';
import { SEED_TEXT } from './fixtures/seed-page.ts';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

describe('httpUrl: only http(s) URLs become links', () => {
  it.each(HOSTILE_URLS.map((u) => [u]))('%j stays plain text', (url) => {
    expect(httpUrl(url)).toBeNull();
  });

  it.each(GOOD_URLS.map(([u, href]) => [u, href]))('%j links to %j', (url, href) => {
    expect(httpUrl(url)).toBe(href);
  });

  it('needs a host and a scheme a browser would read as http(s)', () => {
    expect(httpUrl('https://')).toBeNull();
    expect(httpUrl('http:')).toBeNull();
    expect(httpUrl('ftp://files.example/a')).toBeNull();
    expect(httpUrl('file:///etc/passwd')).toBeNull();
    expect(httpUrl('news.example/a')).toBeNull();
    expect(httpUrl('')).toBeNull();
    // a tab a browser drops inside the scheme of a real URL keeps it a link
    expect(httpUrl('ht\ttps://news.example/a')).toBe('https://news.example/a');
  });
});

describe('escaping for pages', () => {
  it('shows explicit bidi controls as visible tokens in text, as [ABBR] in attributes, and leaves the marks Arabic needs', () => {
    expect(htmlText('exe.\u202Etxt')).toBe('exe.<span class="bidi-control" title="U+202E RIGHT-TO-LEFT OVERRIDE">RLO</span>txt');
    expect(htmlText('<b>\u2066x\u2069')).toBe('&lt;b&gt;<span class="bidi-control" title="U+2066 LEFT-TO-RIGHT ISOLATE">LRI</span>x<span class="bidi-control" title="U+2069 POP DIRECTIONAL ISOLATE">PDI</span>');
    expect(htmlAttribute('a"\u202Db\u202C')).toBe('a&quot;[LRO]b[PDF]');
    for (const payload of BIDI_PAYLOADS) {
      expect(htmlText(payload)).not.toMatch(BIDI_CONTROLS);
      expect(htmlAttribute(payload)).not.toMatch(BIDI_CONTROLS);
    }
    // RLM, LRM and ALM cannot reorder letters: kept
    expect(htmlText('\u200Fقال\u200E \u061C')).toBe('\u200Fقال\u200E \u061C');
  });

  it('allows a page\'s own style and script by their sha256 and nothing inline besides', () => {
    const style = 'body { color: red }';
    const script = 'document.body.dataset.x = "1";';
    const digest = (s: string): string => createHash('sha256').update(s).digest('base64');
    expect(cspHash(script)).toBe(`'sha256-${digest(script)}'`);
    expect(contentSecurityPolicy({ style, script })).toBe(
      `default-src 'none'; style-src 'sha256-${digest(style)}'; script-src 'sha256-${digest(script)}'; object-src 'none'; base-uri 'none'; ` +
        "form-action 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
    );
    expect(contentSecurityPolicy({ style, script: null })).toContain("script-src 'none';");
  });
});

describe('the page inspector finds what makes a page unsafe', () => {
  // the review page as it was before issue 14, reduced: an inline-allowing policy and a javascript: link
  const before = `<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<title>x\u202E</title><style>b{}</style></head><body><p><a href="javascript:alert(4)">javascript:alert(4)</a> <b onclick="x()" style="color:red">\u202Eb</b><img src="data:,x"></p><script>1</script></body></html>`;

  it('reports every problem of a page', () => {
    const problems = inspectHtml(before, { script: true });
    expect(problems).toEqual(expect.arrayContaining([
      'element <img>',
      'event-handler attribute onclick="x()" on <b>',
      'style attribute on <b>',
      'link to "javascript:alert(4)" (javascript:)',
      'URL attribute src on <img>',
      expect.stringMatching(/^CSP object-src is undefined/u),
      expect.stringMatching(/^CSP style-src is \["'unsafe-inline'"\]/u),
      expect.stringMatching(/^CSP script-src is \["'unsafe-inline'"\]/u),
      expect.stringMatching(/^CSP allows more than hashes/u),
      'bidi control in shown text: "x\u202E"',
      'bidi control in shown text: "\u202Eb"',
    ]));
  });

  it('reports a script hash that is not the script\'s, and a second script', () => {
    const page = toReviewHtml(createExtractor().extract({ text: SEED_TEXT }, { source: 'seed.txt', fallbackId: 'seed' }));
    expect(inspectHtml(page, { script: true })).toEqual([]);
    expect(inspectHtml(page.replace("'use strict';", "'use strict'; "), { script: true })).toEqual([expect.stringMatching(/^CSP script-src is/u)]);
    expect(inspectHtml(page.replace('</main>', '</main><script>alert(1)</script>'), { script: true }).length).toBeGreaterThan(0);
    expect(inspectHtml(page, { script: false }).length).toBeGreaterThan(0);
  });
});

describe('review pages of hostile articles', () => {
  let tree: TempTree;
  let code: number;
  let pages: string[];

  beforeAll(async () => {
    tree = tempTree();
    tree.write({ 'in/feed.jsonl': hostileJsonl(), 'in/saved-page.html': HOSTILE_PAGE });
    // --stories: the index's stories section (titles, claimants, evidence in chart tooltips) is checked too
    code = await main(['extract', 'in', '--out', 'out', '--format', 'json,review', '--stories', '-q'], { cwd: tree.root, extractor: createExtractor() });
    pages = readdirSync(tree.path('out/review')).sort();
  });

  afterAll(() => tree?.remove());

  it('writes a page for every hostile article and the index, with its stories section', () => {
    expect(code).toBe(0);
    expect(tree.read('out/review/index.html')).toMatch(/<article class="story"[\s\S]*<svg class="toll-chart"/u);
    expect(pages).toHaveLength(HOSTILE_URLS.length + 2);
    expect(pages).toContain('index.html');
  });

  it('writes inert pages: no handler, no non-http(s) link, a policy allowing only their own style and script', () => {
    for (const name of pages) expect(inspectHtml(tree.read(`out/review/${name}`), { script: name !== 'index.html' }), name).toEqual([]);
  });

  it('shows the hostile URLs, titles and text as text, and finds records in the text around them', () => {
    const urls = new Set(HOSTILE_URLS as readonly string[]);
    let checked = 0;
    for (const name of pages.filter((p) => p !== 'index.html')) {
      const doc = JSON.parse(tree.read(`out/json/${name.replace(/\.html$/u, '.json')}`)) as ExtractionDocument;
      const html = tree.read(`out/review/${name}`);
      expect(doc.article.url === null || urls.has(doc.article.url) || doc.article.url.includes('canonical'), name).toBe(true);
      if (doc.article.url !== null) {
        // the URL is on the page as text, never as a link
        expect(html, name).toContain(htmlText(doc.article.url));
        expect(html, name).not.toMatch(/<a href="(?!index\.html")/u);
        checked++;
      }
      const fromFeed = doc.article.url !== null && urls.has(doc.article.url);
      expect(html, name).toContain(fromFeed ? '&lt;/script&gt;&lt;script&gt;alert(&quot;text&quot;)&lt;/script&gt;' : '&lt;script&gt;alert(&quot;page-text&quot;)&lt;/script&gt;');
      expect(doc.actors.length + doc.casualties.length, name).toBeGreaterThan(0);
    }
    expect(checked).toBe(HOSTILE_URLS.length + 1);
  });

  it('renders a document whose every value is hostile, and its index row, inertly', () => {
    const doc = JSON.parse(tree.read(`out/json/${pages.find((p) => p !== 'index.html')!.replace(/\.html$/u, '.json')}`)) as ExtractionDocument;
    const poisoned = poisonDocument(doc);
    const html = toReviewHtml(poisoned);
    expect(inspectHtml(html, { script: true })).toEqual([]);
    expect(inspectHtml(toReviewIndexHtml([reviewIndexEntry(poisoned), reviewIndexEntry(doc)]), { script: false })).toEqual([]);
    // every record is still on the page, under its (hostile) id, and its marks carry it
    for (const actor of poisoned.actors) {
      expect(html).toContain(`data-record="${actor.id.replace(/"/gu, '&quot;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;')}"`);
    }
  });
});

describe('browser tests without Chromium', () => {
  it('are skipped with the reason and the install line, except on CI where they must run', () => {
    const missing = (): boolean => false;
    const reason = browserSkipReason('/usr/bin/chromium', {}, missing);
    expect(reason).toContain('/usr/bin/chromium not found');
    expect(reason).toContain(CHROMIUM_INSTALL);
    expect(CHROMIUM_INSTALL).toBe('apt-get install chromium fonts-noto-core');
    expect(browserSkipReason('/usr/bin/chromium', { CI: 'true' }, missing)).toBeNull();
    expect(browserSkipReason('/usr/bin/chromium', { CI: 'false' }, missing)).not.toBeNull();
    expect(browserSkipReason('/usr/bin/chromium', {}, () => true)).toBeNull();
  });
});
