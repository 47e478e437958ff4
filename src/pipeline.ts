/**
 * The one place that lists the stages in order. A stage is a pure function of the context: it reads
 * what earlier stages found and adds records; it does no I/O and never asks which language it is in.
 */
import { createHash } from 'node:crypto';
import { SourceText } from './core/source-text.ts';
import { publishedTimestamp } from './core/timestamp.ts';
import { beginArticle, tokenize } from './core/tokens.ts';
import type { Context } from './core/context.ts';
import { hasPack, loadPack, neutralPack, PACK_LANGUAGES, type LanguagePack } from './packs/pack.ts';
import { detectLanguage } from './packs/detect.ts';
import { ingest, readPublishedValue, type PublishedReading } from './stages/ingest/ingest.ts';
import { splitSentences } from './stages/sentences/sentences.ts';
import { findMentions } from './stages/mentions/mentions.ts';
import { findDates } from './stages/dates/dates.ts';
import { findNumbers } from './stages/numbers/numbers.ts';
import { findStatements } from './stages/statements/statements.ts';
import { findCasualties } from './stages/casualties/casualties.ts';
import { findCeasefires } from './stages/ceasefires/ceasefires.ts';
import { findEvents } from './stages/events/events.ts';
import { resolve } from './stages/resolve/resolve.ts';
import { SCHEMA_ID, validateDocument, type ArticleInput, type Evidence, type ExtractionDocument } from './schema/index.ts';

export type Stage = (ctx: Context) => void;

/** Stage order: later stages read what earlier ones found. */
export const STAGES: ReadonlyArray<[string, Stage]> = [
  ['ingest', ingest],
  ['sentences', splitSentences],
  ['mentions', findMentions],
  ['dates', findDates],
  ['numbers', findNumbers],
  ['statements', findStatements],
  ['casualties', findCasualties],
  ['ceasefires', findCeasefires],
  ['events', findEvents],
];

export interface ExtractMeta {
  /** where the article came from: a path, with #N for the N-th record of a JSON array or JSONL file */
  source: string;
  /** id to use when the input has none (the file's base name) */
  fallbackId: string;
}

export interface Extractor {
  extract(input: ArticleInput, meta: ExtractMeta): ExtractionDocument;
}

/**
 * The article's id, exactly as given (a number as its decimal digits); the fallback (the file's base
 * name) when there is none or it is blank. It is never rewritten: results join back to the source
 * by it. Only the CLI's file names are made safe (src/cli/unique-ids.ts).
 */
export function articleId(given: string | number | undefined, fallbackId: string): string {
  const id = given === undefined ? '' : String(given);
  return id.trim() === '' ? fallbackId : id;
}

export function createExtractor(options: { language?: string | undefined } = {}): Extractor {
  // per language: its pack, and whether it is a real one (asked once: hasPack looks at the file system)
  const packs = new Map<string, { pack: LanguagePack; real: boolean }>();
  const packFor = (lang: string): { pack: LanguagePack; real: boolean } => {
    let p = packs.get(lang);
    if (!p) {
      const real = hasPack(lang);
      p = { pack: real ? loadPack(lang) : neutralPack(lang), real };
      packs.set(lang, p);
    }
    return p;
  };
  return {
    extract(input, meta) {
      const text = input.text.replace(/\r\n?/gu, '\n');
      // the input's own lang, else the extractor's, else what the text is written in
      const lang = input.lang ?? options.language ?? detectLanguage(text);
      const { pack, real } = packFor(lang);
      // The title of an article object is part of the article: the stages read it as the first
      // paragraph of a working copy, and its spans come back with `field: "title"` (titleFirst).
      const title = input.title ?? null;
      const titleFirst = title !== null && title.trim() !== '' && !text.trimStart().startsWith(title.trim());
      const shift = titleFirst ? title.length + 2 : 0;
      const source = new SourceText(titleFirst ? `${title.replace(/\n/gu, ' ')}\n\n${text}` : text);
      beginArticle();
      let counter = 0;
      const ctx: Context = {
        source,
        tokens: tokenize(source.folded),
        pack,
        article: {
          id: articleId(input.id, meta.fallbackId),
          source: meta.source,
          language: pack.language,
          title: input.title ?? null,
          subtitle: null,
          published: null,
          published_at: publishedTimestamp(input.published),
          published_text: input.published ?? null,
          published_reason: null,
          outlet: input.outlet ?? null,
          url: input.url ?? null,
          agency: null,
          credits: [],
          caption: null,
          text,
          text_sha256: createHash('sha256').update(text, 'utf8').digest('hex'),
        },
        published: null,
        titleFirst,
        zones: [],
        creditPersons: [],
        tokenZones: [],
        sentences: [],
        records: { actors: [], places: [], dates: [], numbers: [], statements: [], events: [], casualties: [], ceasefires: [] },
        actorMentions: [],
        placeMentions: [],
        diagnostics: [],
        memo: new Map(),
        nextKey: (prefix) => `${prefix}~${++counter}`,
      };
      if (!real) {
        ctx.diagnostics.push({
          severity: 'warning', code: 'no_language_pack',
          message: `no language pack for '${lang}' (packs: ${PACK_LANGUAGES.join(', ')}): only numeric dates and the article's own fields are read; give lang or --lang if the language is wrong`,
        });
      }
      for (const [, stage] of STAGES) stage(ctx);
      const doc: ExtractionDocument = { schema: SCHEMA_ID, ...resolve(ctx) };
      if (titleFirst) moveTitleSpans(doc, shift);
      return validateDocument(doc);
    },
  };
}

/**
 * Spans of the working copy (title, two line breaks, text) back to the article: those before the
 * text slice article.title and say so with `field: "title"`; the others move back by the prefix.
 */
function moveTitleSpans(doc: ExtractionDocument, shift: number): void {
  const title = doc.article.title ?? '';
  const moved = new Set<Evidence>(); // stages share span objects between records and lists
  const move = (list: Evidence[] | undefined): void => {
    if (list === undefined) return;
    for (const e of list) {
      if (moved.has(e)) continue;
      moved.add(e);
      if (e.start >= shift) {
        e.start -= shift;
        e.end -= shift;
      } else {
        e.end = Math.min(e.end, title.length);
        e.text = title.slice(e.start, e.end);
        e.field = 'title';
      }
    }
  };
  if (doc.article.agency) move(doc.article.agency.evidence);
  for (const c of doc.article.credits) move(c.evidence);
  for (const table of ['actors', 'places', 'dates', 'statements', 'events', 'casualties', 'ceasefires'] as const) {
    for (const r of doc[table] as Array<{ evidence: Evidence[]; mentions?: Evidence[] }>) {
      move(r.evidence);
      move(r.mentions);
    }
  }
  for (const d of doc.diagnostics) if (d.evidence) move([d.evidence]);
}

/** The day a `published` value names (YYYY-MM-DD), or why it names none. */
export function readPublished(value: string, language: string): { date: string; reason?: undefined } | { date: null; reason: string } {
  let pack: LanguagePack;
  try {
    pack = loadPack(language);
  } catch {
    return { date: null, reason: `cannot be read: no language pack for '${language}'` };
  }
  const reading: PublishedReading = readPublishedValue(pack, value);
  return reading.date ? { date: reading.date.toISOString().slice(0, 10) } : { date: null, reason: reading.reason };
}

let defaultExtractor: Extractor | null = null;

/** Extract with a shared default extractor (lexicons compiled once per process). */
export function extract(input: ArticleInput, meta: Partial<ExtractMeta> = {}): ExtractionDocument {
  defaultExtractor ??= createExtractor();
  return defaultExtractor.extract(input, { source: meta.source ?? '<input>', fallbackId: meta.fallbackId ?? 'article' });
}
