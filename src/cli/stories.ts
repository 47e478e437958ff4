/**
 * `conflict-events stories DIR` and `extract --stories`: read the documents in DIR/json one at a
 * time (each reduced to its story summary at once, so memory holds summaries, not documents), group
 * them, and write DIR/stories.json, DIR/csv/stories.csv, DIR/csv/toll_series.csv and the stories
 * section of DIR/review/index.html where the run wrote one.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateDocument } from '../schema/index.ts';
import { STORIES_SCHEMA_ID, type StoriesFile } from '../schema/stories.ts';
import { groupStories } from '../stories/build.ts';
import { summarize, type StoryArticle } from '../stories/summary.ts';
import { storiesSection, toStoriesCsv, toStoriesJson, withStoriesSection } from '../writers/stories.ts';
import { writeFileAtomic } from './atomic.ts';

export interface StoriesOptions {
  bom: boolean;
}

export interface StoriesResult {
  file: StoriesFile;
  /** one line per document that could not be read: "path: reason" */
  problems: string[];
}

export async function writeStories(dir: string, options: StoriesOptions): Promise<StoriesResult> {
  const jsonDir = path.join(dir, 'json');
  const names = (await readdir(jsonDir)).filter((n) => n.endsWith('.json')).sort();
  const summaries: StoryArticle[] = [];
  const titles = new Map<string, string | null>();
  const problems: string[] = [];
  for (const name of names) {
    const file = path.join(jsonDir, name);
    try {
      const doc = validateDocument(JSON.parse(await readFile(file, 'utf8')));
      summaries.push(summarize(doc));
      titles.set(doc.article.id, doc.article.title);
    } catch (err) {
      problems.push(`${file}: ${(err as Error).message}`);
    }
  }
  const file: StoriesFile = { schema: STORIES_SCHEMA_ID, stories: groupStories(summaries) };
  await writeFileAtomic(path.join(dir, 'stories.json'), toStoriesJson(file));
  const csvDir = path.join(dir, 'csv');
  await mkdir(csvDir, { recursive: true });
  const tables = toStoriesCsv(file.stories, options);
  await writeFileAtomic(path.join(csvDir, 'stories.csv'), tables.stories);
  await writeFileAtomic(path.join(csvDir, 'toll_series.csv'), tables.toll_series);
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
