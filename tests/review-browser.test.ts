/**
 * The review page in a real browser: Debian's headless Chromium through playwright-core (installed by
 * .ci/run). Where Chromium is missing it is skipped with the reason and the install line, except
 * with CI=true, where a missing browser fails (tests/fixtures/chromium.ts).
 * Saves a screenshot to tests/artifacts/review.png (ignored by git).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { createExtractor } from '../src/pipeline.ts';
import type { ExtractionDocument } from '../src/schema/index.ts';
import { BROWSER_SKIP_REASON, launchChromium } from './fixtures/chromium.ts';
import { SEED_TEXT } from './fixtures/seed-page.ts';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

/** Runs in the page (the callbacks given to evaluate); the project compiles without the DOM lib. */
declare const getComputedStyle: (element: unknown) => { fontFamily: string; backgroundColor: string; boxShadow: string };

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');
const VIEWPORT = { width: 1400, height: 900 };

let tree: TempTree;
let browser: Browser;
let page: Page;
let doc: ExtractionDocument;
const requests: string[] = [];
/** console errors (Chromium reports a script or style the CSP refused there) and uncaught page errors */
const consoleErrors: string[] = [];
let pageUrl: string;

/** Whether an element's box lies (at least partly) inside the viewport. */
async function inViewport(selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  return box !== null && box.y + box.height > 0 && box.y < VIEWPORT.height && box.x + box.width > 0 && box.x < VIEWPORT.width;
}

describe.skipIf(BROWSER_SKIP_REASON !== null)('review page in headless Chromium', () => {
  beforeAll(async () => {
    tree = tempTree();
    tree.write({ 'in/karabakh.txt': SEED_TEXT });
    const code = await main(['extract', 'in', '--out', 'out', '--format', 'json,review', '-q'], { cwd: tree.root, extractor: createExtractor() });
    expect(code).toBe(0);
    doc = JSON.parse(tree.read('out/json/karabakh.json')) as ExtractionDocument;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    // Every request is recorded; anything that is not the page file itself is refused as well.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      return url === pageUrl ? route.continue() : route.abort();
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    pageUrl = pathToFileURL(tree.path('out/review/karabakh.html')).href;
    await page.goto(pageUrl, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    tree?.remove();
  });

  it('is right-to-left Arabic, in the system Noto fonts', async () => {
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    const family = await page.locator('body').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(family).toContain('Noto Naskh Arabic');
  });

  it('shows every record type as visible marks with a legend', async () => {
    for (const type of ['actors', 'places', 'dates', 'statements', 'events', 'casualties', 'ceasefires']) {
      const marks = page.locator(`mark.ev-${type}`);
      expect(await marks.count(), type).toBeGreaterThan(0);
      expect(await marks.first().isVisible(), type).toBe(true);
    }
    expect(await page.locator('.legend input[data-type]').count()).toBe(7);
  });

  it('scrolls to and flashes the evidence of a clicked record row', async () => {
    const casualty = doc.casualties[0]!;
    const selector = `mark[data-records~="${casualty.id}"]`;
    await page.evaluate('window.scrollTo(0, 0)');
    await page.locator(`tr[data-record="${casualty.id}"]`).click();
    await expect.poll(() => page.locator(selector).first().getAttribute('class')).toContain('flash');
    expect(await inViewport(selector)).toBe(true);
    // the mark's text is the record's evidence
    const texts = await page.locator(selector).allTextContents();
    expect(texts.join('')).toContain(casualty.number_text);
  });

  it('flashes the record rows of a clicked mark', async () => {
    const ceasefire = doc.ceasefires[0]!;
    await page.locator(`mark[data-records~="${ceasefire.id}"]`).first().click();
    await expect.poll(() => page.locator(`tr[data-record="${ceasefire.id}"]`).getAttribute('class')).toContain('flash');
  });

  it('hides a record type from the legend', async () => {
    const mark = page.locator('mark.ev-places').first();
    const before = await mark.evaluate((el) => getComputedStyle(el).backgroundColor);
    await page.locator('.legend input[data-type="places"]').uncheck();
    expect(await mark.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe(before);
    await page.locator('.legend input[data-type="places"]').check();
  });

  it('underlines a piece covered by several types in each other type\'s colour', async () => {
    const mark = page.locator('mark.ev[data-u1]').first();
    expect(await mark.count()).toBe(1);
    const shadow = await mark.evaluate((el) => getComputedStyle(el).boxShadow);
    expect(shadow).toMatch(/inset/u);
    expect(await page.locator('mark.ev:not([data-u1])').first().evaluate((el) => getComputedStyle(el).boxShadow)).not.toMatch(/inset/u);
  });

  it('ran its own script and style under the page\'s CSP: no refusal, no error in the console', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('made no network request: the page file was the only thing loaded', async () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => url !== pageUrl)).toEqual([]);
  });

  it('saves a screenshot to tests/artifacts/review.png', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.evaluate('window.scrollTo(0, 0)');
    await page.locator(`tr[data-record="${doc.casualties[0]!.id}"]`).click();
    const file = path.join(ARTIFACTS, 'review.png');
    const png = await page.screenshot({ path: file });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
