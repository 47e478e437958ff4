// Regenerate docs/stories.png: the review index's chart of one story, as the current code draws it.
//   npx tsx scripts/stories-screenshot.ts [ARTICLES_DIR] [--story-of ARTICLE_ID] [--out docs/stories.png]
// Extracts ARTICLES_DIR (default ../shared/stories-en/articles) with --stories into a temporary
// folder, opens its review/index.html in headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium)
// with every request but the page refused, and screenshots the story holding ARTICLE_ID (default: the
// story with the most toll points).
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { main } from '../src/cli/main.ts';
import { createExtractor } from '../src/pipeline.ts';
import { StoriesFileSchema } from '../src/schema/stories.ts';
import { launchChromium } from '../tests/fixtures/chromium.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args[i + 1];
};
const input = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? '../shared/stories-en/articles';
const out = path.resolve(option('--out') ?? 'docs/stories.png');
const dir = mkdtempSync(path.join(tmpdir(), 'stories-shot-'));
try {
  const status = await main(['extract', path.resolve(input), '--out', dir, '--stories', '--format', 'json,review', '-q'], { cwd: process.cwd(), extractor: createExtractor() });
  if (status !== 0) throw new Error(`extract ${input} failed (${status})`);
  const { stories } = StoriesFileSchema.parse(JSON.parse(readFileSync(path.join(dir, 'stories.json'), 'utf8')));
  const wanted = option('--story-of');
  const story = wanted !== undefined ? stories.find((s) => s.articles.includes(wanted)) : [...stories].sort((a, b) => b.series.length - a.series.length)[0];
  if (story === undefined) throw new Error(wanted !== undefined ? `no story holds article ${wanted}` : 'no stories');
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
    const url = pathToFileURL(path.join(dir, 'review', 'index.html')).href;
    await context.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.locator(`article.story[data-story="${story.id}"]`).screenshot({ path: out });
    console.log(`${path.relative(process.cwd(), out)}: ${story.id}, ${story.articles.length} articles, ${story.series.length} toll points`);
  } finally {
    await browser.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
