/**
 * Stories of a set of documents. Documents are reduced to summaries as they come (./summary.ts),
 * the summaries sorted by time, and grouped in one pass with a bounded window (./group.ts).
 */
import type { ExtractionDocument } from '../schema/index.ts';
import { STORIES_SCHEMA_ID, type StoriesFile, type Story } from '../schema/stories.ts';
import { StoryGrouper, byTime } from './group.ts';
import { summarize, type StoryArticle } from './summary.ts';

export { summarize, type StoryArticle } from './summary.ts';

/** Group summaries (any order) into stories numbered by the time of their first article. */
export function groupStories(articles: readonly StoryArticle[]): Story[] {
  const sorted = [...articles].sort(byTime);
  const stories: Story[] = [];
  const grouper = new StoryGrouper((s) => stories.push(s));
  for (const a of sorted) grouper.add(a);
  grouper.finish();
  return stories.sort((a, b) => Number(a.id.slice(6)) - Number(b.id.slice(6)));
}

export function buildStories(docs: Iterable<ExtractionDocument>): StoriesFile {
  const summaries: StoryArticle[] = [];
  for (const d of docs) summaries.push(summarize(d));
  return { schema: STORIES_SCHEMA_ID, stories: groupStories(summaries) };
}
