/**
 * The state a pipeline run passes from stage to stage. Stages add draft records; the resolve stage
 * numbers them in order of first evidence and turns draft keys into record ids.
 */
import type { SourceText, Span } from './source-text.ts';
import type { Token } from './tokens.ts';
import type {
  Actor, Article, Casualty, Ceasefire, DateRecord, Diagnostic, EventRecord, Place, Statement,
} from '../schema/index.ts';
import type { LanguagePack } from '../packs/pack.ts';

/** A part of the article: only title, subtitle and body paragraphs carry reported content. */
export interface Zone {
  kind: 'title' | 'subtitle' | 'dateline' | 'caption' | 'credit' | 'remnant' | 'body';
  /** folded offsets */
  span: Span;
}

export interface Sentence {
  /** folded offsets */
  start: number;
  end: number;
  /** index of the paragraph (line block) the sentence is in */
  paragraph: number;
  zone: Zone['kind'];
}

/** Draft records reference each other by `key`; resolve turns keys into ids. */
export type Draft<T extends { id: string }> = Omit<T, 'id'> & { key: string };

export interface ActorDraft extends Draft<Actor> {
  /** folded spans of every mention, for lookups by position */
  spans: Span[];
}
export interface PlaceDraft extends Draft<Place> {
  spans: Span[];
}
export interface DateDraft extends Draft<DateRecord> {
  span: Span;
}
export interface NumberMention {
  /** folded span of the whole figure including its qualifier */
  span: Span;
  /** folded span of the number itself */
  numberSpan: Span;
  value: number | null;
  high: number | null;
  qualifier: 'exact' | 'at_least' | 'more_than' | 'about' | 'at_most' | 'range' | 'vague';
  /** noun counted by the figure when it is a singular or dual noun ("جنديين" = 2) */
  nounCount: boolean;
}

export interface Records {
  actors: ActorDraft[];
  places: PlaceDraft[];
  dates: DateDraft[];
  numbers: NumberMention[];
  statements: Draft<Statement>[];
  events: Draft<EventRecord>[];
  casualties: Draft<Casualty>[];
  ceasefires: Draft<Ceasefire>[];
}

export interface KeyedSpan {
  start: number;
  end: number;
  key: string;
}

export interface Context {
  source: SourceText;
  tokens: Token[];
  pack: LanguagePack;
  article: Article;
  /** publication date as a UTC Date, or null */
  published: Date | null;
  /** the source is the article object's title, a blank line, then the text (spans before the text are the title's) */
  titleFirst: boolean;
  zones: Zone[];
  /** folded spans of the persons named in photo and byline credits, set by ingest */
  creditPersons: Span[];
  /** zone kind of each token (same index as tokens), set by ingest */
  tokenZones: Array<Zone['kind'] | null>;
  sentences: Sentence[];
  records: Records;
  /** every actor and place mention (folded spans), sorted by start: for lookups by position */
  actorMentions: KeyedSpan[];
  placeMentions: KeyedSpan[];
  diagnostics: Diagnostic[];
  /** indexes derived from finished stages' records (see core/by-sentence.ts memo) */
  memo: Map<string, unknown>;
  /** counter for draft keys */
  nextKey: (prefix: string) => string;
}
