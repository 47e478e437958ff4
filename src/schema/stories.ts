/**
 * The stories file (../shared/CODEBOOK.md, "Stories (across articles)"): DIR/stories.json groups the
 * documents of a run into the real-world events they report, each with its toll over time.
 */
import { z } from 'zod';
import { CasualtySchema } from './index.ts';

export const STORIES_SCHEMA_ID = 'conflict-events-stories/1';

/** The outcomes a story keeps a toll for. */
export const TOLL_OUTCOMES = ['killed', 'injured', 'missing'] as const;
export type TollOutcome = (typeof TOLL_OUTCOMES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/u);

export const TollPointSchema = z
  .object({
    article_id: z.string().describe('the article that gives the figure'),
    published: z.string().nullable().describe("the article's publication time (article.published_at, else article.published): the as-of time of the figure"),
    outcome: z.enum(TOLL_OUTCOMES).describe('what happened to the people counted'),
    low: z.number().int().nonnegative().nullable().describe('lowest count (the casualty record\'s low)'),
    best: z.number().int().nonnegative().nullable().describe('best estimate'),
    high: z.number().int().nonnegative().nullable().describe('highest count, null when unbounded'),
    qualifier: CasualtySchema.shape.qualifier.describe('how the figure is bounded (exact, at_least, more_than, about, at_most, range, vague)'),
    display: z.string().describe('short human form: 1,250+, ~40, 10–15, 12'),
    claimant: z.string().nullable().describe('name of whoever gives the figure, where the article says'),
    casualty_id: z.string().describe("the casualty record in that article's document"),
    evidence_text: z.string().describe('the words the figure was read from'),
  })
  .describe("one article's figure for the toll of the story's main event");
export type TollPoint = z.infer<typeof TollPointSchema>;

const tollOf = TollPointSchema.nullable();

export const StorySchema = z
  .object({
    id: z.string().regex(/^story-\d+$/u).describe('story-N, numbered by the time of its first article'),
    articles: z.array(z.string()).min(1).describe('article ids in order of publication'),
    start: isoDate.nullable().describe('first day of the main event (its first article\'s event date, else publication date)'),
    end: isoDate.nullable().describe('last day the story covers (publication date of its last article)'),
    place: z
      .object({
        name: z.string(),
        country: z.string().nullable(),
        lat: z.number().nullable(),
        lon: z.number().nullable(),
      })
      .nullable()
      .describe("the main event's place (name, country, lat, lon): the place its articles' headlines and leads name most"),
    event_type: z.string().nullable().describe('ACLED event type of the main event (most frequent over its articles)'),
    actors: z.array(z.string()).describe('names of the actors its articles\' headlines and leads name, most often first'),
    toll: z
      .object({ killed: tollOf, injured: tollOf, missing: tollOf })
      .describe('per outcome the current toll: the latest credible total (the lower figure where sources disagree at the same time), or null'),
    series: z.array(TollPointSchema).describe('toll points, one per (article, outcome) where that article gives the main event\'s toll, in time order'),
    disputed: z.boolean().describe('true where articles of the same time give different tolls for one outcome; both stay in series'),
  })
  .describe('one real-world event and the articles that report it');
export type Story = z.infer<typeof StorySchema>;

export const StoriesFileSchema = z
  .object({
    schema: z.literal(STORIES_SCHEMA_ID),
    stories: z.array(StorySchema).describe('every article of the run in exactly one story'),
  })
  .describe('DIR/stories.json');
export type StoriesFile = z.infer<typeof StoriesFileSchema>;
