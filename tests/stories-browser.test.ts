/**
 * The stories section of review/index.html in headless Chromium (tests/fixtures/chromium.ts: skipped
 * with the reason where Chromium is missing, except with CI=true): each story's toll drawn as a step
 * chart that rises with the toll, every point telling its figure and evidence, under the index's
 * CSP with no refusal and no request. Saves a screenshot to tests/artifacts/stories.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { createExtractor } from '../src/pipeline.ts';
import { BROWSER_SKIP_REASON, launchChromium } from './fixtures/chromium.ts';
import { STORIES_FEED_JSONL } from './fixtures/stories-feed.ts';
import { tempTree, type TempTree } from './fixtures/temp-tree.ts';

const ARTIFACTS = path.join(import.meta.dirname, 'artifacts');

let tree: TempTree;
let browser: Browser;
let page: Page;
let pageUrl: string;
const requests: string[] = [];
const consoleErrors: string[] = [];

describe.skipIf(BROWSER_SKIP_REASON !== null)('stories and their toll charts in headless Chromium', () => {
  beforeAll(async () => {
    tree = tempTree();
    tree.write({ 'in/feed.jsonl': STORIES_FEED_JSONL });
    expect(await main(['extract', 'in', '--out', 'out', '--stories', '--format', 'json,review', '-q'], { cwd: tree.root, extractor: createExtractor() })).toBe(0);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
    await context.route('**/*', (route) => (route.request().url() === pageUrl ? route.continue() : route.abort()));
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text()); });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    pageUrl = pathToFileURL(tree.path('out/review/index.html')).href;
    await page.goto(pageUrl, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    tree?.remove();
  });

  it('shows each story with its current toll and a visible chart', async () => {
    const stories = page.locator('article.story');
    expect(await stories.count()).toBe(2);
    const baghdad = page.locator('article.story[data-story="story-1"]');
    expect(await baghdad.locator('.toll b[data-outcome="killed"]').textContent()).toBe('17');
    expect(await baghdad.locator('.toll b[data-outcome="injured"]').textContent()).toBe('45');
    const chart = baghdad.locator('svg.toll-chart');
    expect(await chart.isVisible()).toBe(true);
    const box = await chart.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(box!.height).toBeGreaterThan(100);
  });

  it('draws the killed toll as a step line through one point per version, rising left to right', async () => {
    const points = page.locator('article.story[data-story="story-1"] circle.point[data-outcome="killed"]');
    expect(await points.evaluateAll((els) => els.map((e) => [e.getAttribute('data-article'), e.getAttribute('data-low')]))).toEqual([['bgd-1', '3'], ['bgd-2', '12'], ['bgd-3', '17']]);
    const boxes = await Promise.all([0, 1, 2].map(async (i) => (await points.nth(i).boundingBox())!));
    expect(boxes[0]!.x).toBeLessThan(boxes[1]!.x);
    expect(boxes[1]!.x).toBeLessThan(boxes[2]!.x);
    expect(boxes[0]!.y).toBeGreaterThan(boxes[1]!.y); // a higher toll is drawn higher up
    expect(boxes[1]!.y).toBeGreaterThan(boxes[2]!.y);
    const step = page.locator('article.story[data-story="story-1"] path.step-killed');
    expect(await step.getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+ H[\d.]+ V[\d.]+ H[\d.]+ V[\d.]+ H[\d.]+$/u);
    expect(await step.evaluate((el) => (el as unknown as { getTotalLength(): number }).getTotalLength())).toBeGreaterThan(100);
  });

  it('tells each point\'s figure, time, article and evidence in its tooltip', async () => {
    const tip = await page.locator('article.story[data-story="story-1"] circle.point[data-outcome="killed"][data-article="bgd-2"] title').textContent();
    expect(tip).toContain('killed 12');
    expect(tip).toContain('2021-03-10T09:40:00Z');
    expect(tip).toContain('12 قتيلاً');
  });

  it('links every article of a story to its review page', async () => {
    const hrefs = await page.locator('article.story[data-story="story-1"] ol a').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(hrefs).toEqual(['bgd-1.html', 'bgd-2.html', 'bgd-3.html']);
  });

  it('ran under the index\'s CSP with no refusal, and loaded nothing but the page', () => {
    expect(consoleErrors).toEqual([]);
    expect(requests.filter((url) => url !== pageUrl)).toEqual([]);
  });

  it('saves a screenshot to tests/artifacts/stories.png', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const png = await page.locator('section.stories').screenshot({ path: path.join(ARTIFACTS, 'stories.png') });
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
