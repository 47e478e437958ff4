/**
 * `conflict-events stories DIR` and `extract --stories`: read the documents in DIR/json in two
 * passes — their times, then each document in time order reduced to its story summary and grouped
 * at once, so memory holds the window's summaries and the finished stories, not documents — and
 * write DIR/stories.json, DIR/csv/stories.csv, DIR/csv/toll_series.csv (listed in
 * DIR/csv/datapackage.json) and the stories section of DIR/review/index.html where the run wrote one.
 */
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { validateDocument } from '../schema/index.ts';
import { STORIES_SCHEMA_ID, type StoriesFile, type Story } from '../schema/stories.ts';
import { StoryGrouper } from '../stories/group.ts';
import { summarize, timeOf } from '../stories/summary.ts';
import { toDataPackageJson } from '../writers/datapackage.ts';
import { storiesCsvParts, storiesJsonParts, storiesSection, tollSeriesCsvParts, withStoriesSection } from '../writers/stories.ts';
import { writeFileAtomic, writePartsAtomic } from './atomic.ts';

export interface StoriesOptions {
  bom: boolean;
}

export interface StoriesResult {
  file: StoriesFile;
  /** one line per document that could not be read: "path: reason" */
  problems: string[];
}

/**
 * A document's publication time read from its JSON text without parsing it: the first
 * `"published_at":` / `"published":` key (a string value cannot hold an unescaped quote, so the first
 * match is the article's key). Undefined where the text does not show it plainly.
 */
export function peekPublished(json: string): string | null | undefined {
  for (const key of ['"published_at":', '"published":']) {
    const at = json.indexOf(key);
    if (at < 0) continue;
    const m = /^\s*(?:null|"([^"\\]*)")/u.exec(json.slice(at + key.length, at + key.length + 64));
    if (m === null) return undefined;
    if (m[1] !== undefined) return m[1];
  }
  return json.includes('"published":') ? null : undefined;
}

export async function writeStories(dir: string, options: StoriesOptions): Promise<StoriesResult> {
  const jsonDir = path.join(dir, 'json');
  const names = (await readdir(jsonDir)).filter((n) => n.endsWith('.json')).sort();
  const problems: string[] = [];
  // Pass 1: each document's time only, so pass 2 can read them in time order holding only the
  // window's summaries (a document whose time cannot be peeked is parsed here instead).
  const order: Array<{ name: string; time: number }> = [];
  for (const name of names) {
    const file = path.join(jsonDir, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      problems.push(`${file}: ${(err as Error).message}`);
      continue;
    }
    let published = peekPublished(text);
    if (published === undefined) {
      try {
        const article = (JSON.parse(text) as { article?: { published_at?: unknown; published?: unknown } }).article;
        published = typeof article?.published_at === 'string' ? article.published_at : typeof article?.published === 'string' ? article.published : null;
      } catch {
        published = null; // pass 2 reports it
      }
    }
    order.push({ name, time: timeOf(published) });
  }
  order.sort((a, b) => {
    const ta = Number.isNaN(a.time) ? Infinity : a.time;
    const tb = Number.isNaN(b.time) ? Infinity : b.time;
    return ta !== tb ? ta - tb : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  const stories: Story[] = [];
  const grouper = new StoryGrouper((story) => stories.push(story));
  const titles = new Map<string, string | null>();
  for (const { name, time } of order) {
    const file = path.join(jsonDir, name);
    try {
      const doc = validateDocument(JSON.parse(await readFile(file, 'utf8')));
      const summary = summarize(doc);
      if (summary.time !== time && !(Number.isNaN(summary.time) && Number.isNaN(time))) throw new Error('the document changed while stories were built');
      grouper.add(summary);
      titles.set(doc.article.id, doc.article.title);
    } catch (err) {
      problems.push(`${file}: ${(err as Error).message}`);
    }
  }
  grouper.finish();
  stories.sort((a, b) => Number(a.id.slice(6)) - Number(b.id.slice(6)));
  const file: StoriesFile = { schema: STORIES_SCHEMA_ID, stories };
  await writePartsAtomic(path.join(dir, 'stories.json'), storiesJsonParts(stories));
  const csvDir = path.join(dir, 'csv');
  await mkdir(csvDir, { recursive: true });
  await writePartsAtomic(path.join(csvDir, 'stories.csv'), storiesCsvParts(stories, options));
  await writePartsAtomic(path.join(csvDir, 'toll_series.csv'), tollSeriesCsvParts(stories, options));
  // the data package lists the stories tables beside the record tables of the run (or alone where it wrote none)
  const packagePath = path.join(csvDir, 'datapackage.json');
  const tables = await stat(packagePath).then(() => true, () => false);
  await writeFileAtomic(packagePath, toDataPackageJson({ bom: options.bom, stories: true, tables }));
  const indexPath = path.join(dir, 'review', 'index.html');
  let index: string | null = null;
  try {
    index = await readFile(indexPath, 'utf8');
  } catch {
    index = null; // no review pages in this run
  }
  if (index !== null) {
    const updated = withStoriesSection(index, storiesSection(file.stories, titles));
    if (updated !== null) await writeFileAtomic(indexPath, updated);
  }
  return { file, problems };
}

/** What `--stories` writes, relative to DIR: a run without it removes them, so no stories of an earlier run stay beside its documents. */
export const STORIES_FILES: readonly string[] = ['stories.json', 'csv/stories.csv', 'csv/toll_series.csv'];

export async function removeStories(dir: string): Promise<void> {
  await Promise.all(STORIES_FILES.map((rel) => rm(path.join(dir, rel), { force: true })));
}

/** The `stories DIR` command: 0 every document grouped, 1 some could not be read, 2 no DIR/json. */
export async function storiesCommand(options: { dir: string; bom: boolean; quiet: boolean }, io: { stderr: (s: string) => void; cwd: string }): Promise<number> {
  const dir = path.resolve(io.cwd, options.dir);
  let result: StoriesResult;
  try {
    result = await writeStories(dir, { bom: options.bom });
  } catch (err) {
    const code = (err as { code?: string }).code;
    io.stderr(`conflict-events: stories: ${code === 'ENOENT' ? `no documents: ${path.join(options.dir, 'json')} does not exist` : (err as Error).message}\n`);
    return 2;
  }
  for (const p of result.problems) io.stderr(`conflict-events: stories: ${p}\n`);
  if (!options.quiet) {
    const articles = result.file.stories.reduce((n, s) => n + s.articles.length, 0);
    io.stderr(`${articles} articles in ${result.file.stories.length} stories: ${path.join(options.dir, 'stories.json')}\n`);
  }
  return result.problems.length > 0 ? 1 : 0;
}
