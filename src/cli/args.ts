/** argv → what to do. Pure: the existence check for bare words is passed in. */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_BYTES } from './input-errors.ts';
import { DEFAULT_FORMATS, OUTPUT_FORMATS, type OutputFormat } from './output.ts';
import type { EvalOptions } from './eval.ts';

export const PROGRAM = 'conflict-events';
export const LANGUAGES = ['ar', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_INPUT = 'data/articles';
export const DEFAULT_OUT = 'output';
/** The annotated corpus `eval` scores by default: the project's shared folder beside the repository. */
export const DEFAULT_CORPUS = '../shared/corpus';
/** More worker threads than this many per core only cost memory: the work is CPU-bound. */
export const JOBS_PER_CORE = 4;
export const maxJobs = (cores = availableParallelism()): number => JOBS_PER_CORE * cores;
/** The stories set `eval --stories` scores by default (articles/ and gold.json). */
export const DEFAULT_STORIES = '../shared/stories-en';

export const USAGE = `Usage: ${PROGRAM} [extract] [INPUT...] [options]

Extract actors, places, dates, statements, events, casualties and ceasefires from news
articles into DIR/json/<id>.json, DIR/yaml/<id>.yaml, the tables DIR/csv/<table>.csv (with
csv/datapackage.json and csv/acled_view.csv) and review pages DIR/review/<id>.html
(or all documents in DIR/dataset.jsonl, one per line, with --format jsonl).

INPUT is a file, a directory (read recursively in path order; hidden files and other
extensions are skipped) or - for JSON Lines on stdin. Formats: .txt (the whole file is the
article), .json (an article object or an array of them), .jsonl/.ndjson (one per line),
.html/.htm (a saved web page: the article body, title, date and canonical URL are read from it).
Files may be UTF-8 (with or without BOM), UTF-16 with BOM, Windows-1256 or ISO-8859-6.
An article object has "text" and optional "id", "title", "published", "url", "outlet", "lang".
Without INPUT, reads ${DEFAULT_INPUT}/.

       ${PROGRAM} stories DIR [--no-bom] [--quiet]
         group the documents in DIR/json into stories (the real-world events they report, each
         with its toll over time): DIR/stories.json, DIR/csv/stories.csv, DIR/csv/toll_series.csv
         and a stories section with toll charts in DIR/review/index.html where it exists

       ${PROGRAM} eval [--corpus DIR | --articles DIR --gold DIR] [--lang ar|en] [--json] [--diff] [--peers]
         score extraction against gold annotations (default corpus: ${DEFAULT_CORPUS}, or
         ${DEFAULT_CORPUS}-en with --lang en); --diff lists per article what was missed and
         what no gold entry took; --json prints the figures as JSON; --peers also runs
         chrono-node (dates) and compromise (people, places) over the same articles and
         prints their figures and speed beside ours (English corpus unless --lang says)
       ${PROGRAM} eval --stories [--corpus DIR] [--lang ar|en] [--json] [--diff]
         score stories (assignment, toll per article, latest toll) against DIR/gold.json beside
         the TF-IDF baseline (default: ${DEFAULT_STORIES}, English)

Options:
  -o, --out DIR        output directory (default: ${DEFAULT_OUT})
  -f, --format LIST    comma-separated: json,yaml,csv,jsonl,review (default: json,yaml,csv,review)
  -j, --jobs N         extract on N threads (default: the number of cores, once the
                       input holds enough articles to gain from them; at most
                       ${JOBS_PER_CORE} per core); 1 runs without worker threads. The output is
                       the same for any N.
      --stories        also group the articles into stories (as the stories command, after
                       the run; needs the json format)
      --no-bom         write the CSV files without the UTF-8 byte order mark
      --lang ar|en     language of articles that do not name one (default: detected from each
                       article's text: script and function words)
      --max-bytes N    largest article in bytes: a .txt/.html file, a JSONL line, a .json
                       object or array element (default: ${DEFAULT_MAX_BYTES})
  -q, --quiet          print errors only: no warnings, no progress bar, no summary
      --debug          add stack traces to errors
  -h, --help           show this help
      --version        show the version

Failures are listed on stderr and in DIR/errors.jsonl; the other articles are still written.
Exit status: 0 every article written, 1 some failed (or none read, or DIR in use by
another run), 2 usage error (also a missing INPUT), 130/143 interrupted (SIGINT/SIGTERM).
`;

export interface ExtractOptions {
  inputs: string[];
  out: string;
  formats: ReadonlySet<OutputFormat>;
  bom: boolean;
  quiet: boolean;
  debug: boolean;
  maxBytes: number;
  /** language of articles that do not name one; undefined: detected from each article's text */
  lang: Language | undefined;
  /** worker threads; 1 extracts in the main thread */
  jobs: number;
  /** --jobs was given: false when `jobs` is the default, and a small input is then extracted in the main thread */
  jobsGiven: boolean;
  /** what the command line asked for that is done differently (printed as warnings) */
  warnings: string[];
  /** group the written documents into stories after the run */
  stories: boolean;
}


export type Command =
  | { kind: 'help' }
  | { kind: 'eval'; options: EvalOptions }
  | { kind: 'stories'; options: { dir: string; bom: boolean; quiet: boolean } }
  | { kind: 'version' }
  | { kind: 'extract'; options: ExtractOptions }
  | { kind: 'usage_error'; message: string };

const SUBCOMMANDS = new Set(['extract', 'help']);
/** A first argument that looks like a command name rather than a path. */
const COMMAND_LIKE = /^[a-z][a-z0-9-]*$/u;

const usageError = (message: string): Command => ({ kind: 'usage_error', message });

/** 'a, b or c' */
const alternatives = (names: readonly string[]): string =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;

function parseFormats(list: string): ReadonlySet<OutputFormat> | string {
  const names = list.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) return `--format needs at least one of ${OUTPUT_FORMATS.join(',')}`;
  const unknown = names.filter((n) => !(OUTPUT_FORMATS as readonly string[]).includes(n));
  if (unknown.length > 0) return `unknown format '${unknown.join(',')}' for --format (expected ${alternatives(OUTPUT_FORMATS)})`;
  return new Set(names as OutputFormat[]);
}

/** parseArgs messages run to several sentences; the first says what is wrong. */
function firstSentence(message: string): string {
  const end = message.indexOf('. ');
  return (end < 0 ? message : message.slice(0, end)).replace(/\.$/u, '');
}

export function parseCommand(argv: readonly string[], pathExists: (p: string) => boolean): Command {
  let args = [...argv];
  const first = args[0];
  if (first === 'help') return { kind: 'help' };
  if (first === 'eval') return parseEval(args.slice(1));
  if (first === 'stories') return parseStories(args.slice(1));
  if (first === 'extract') args = args.slice(1);
  else if (first !== undefined && COMMAND_LIKE.test(first) && !pathExists(first)) {
    // `conflict-events extrct` is a typo, not a missing input file.
    return usageError(`unknown command '${first}'`);
  }

  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        'no-bom': { type: 'boolean' }, // util.parseArgs has no --no-* negation before Node 22
        quiet: { type: 'boolean', short: 'q' },
        debug: { type: 'boolean' },
        'max-bytes': { type: 'string' },
        jobs: { type: 'string', short: 'j' },
        lang: { type: 'string' },
        stories: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (err) {
    return usageError(firstSentence((err as Error).message));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const formats = parseFormats(values.format ?? DEFAULT_FORMATS.join(','));
  if (typeof formats === 'string') return usageError(formats);

  let maxBytes = DEFAULT_MAX_BYTES;
  if (values['max-bytes'] !== undefined) {
    if (!/^[1-9]\d*$/u.test(values['max-bytes'])) return usageError(`--max-bytes needs a positive whole number of bytes, got '${values['max-bytes']}'`);
    maxBytes = Number(values['max-bytes']);
  }
  let jobs = availableParallelism();
  const warnings: string[] = [];
  if (values.jobs !== undefined) {
    if (!/^[1-9]\d{0,3}$/u.test(values.jobs)) return usageError(`--jobs needs a whole number of threads from 1, got '${values.jobs}'`);
    jobs = Number(values.jobs);
    const most = maxJobs();
    if (jobs > most) {
      // each worker holds its own heap and lexicons: hundreds of them exhaust memory (V8 aborts natively)
      warnings.push(`--jobs ${jobs} is more than ${JOBS_PER_CORE} per core; using ${most}`);
      jobs = most;
    }
  }
  const lang = values.lang;
  if (lang !== undefined && !(LANGUAGES as readonly string[]).includes(lang)) return usageError(`unknown language '${lang}' for --lang (expected ar or en)`);
  if (positionals.filter((p) => p === '-').length > 1) return usageError("stdin (-) can be read only once");
  if (values.out === '') return usageError('--out needs a directory');
  if (values.stories && !formats.has('json')) return usageError('--stories needs the json format (stories are built from DIR/json)');

  return {
    kind: 'extract',
    options: {
      inputs: positionals.length > 0 ? positionals : [DEFAULT_INPUT],
      out: values.out ?? DEFAULT_OUT,
      formats,
      bom: !values['no-bom'],
      quiet: values.quiet ?? false,
      debug: values.debug ?? false,
      maxBytes,
      lang: lang as Language | undefined,
      jobs,
      jobsGiven: values.jobs !== undefined,
      warnings,
      stories: values.stories ?? false,
    },
  };
}

/** `eval [--corpus DIR | --articles DIR --gold DIR] [--lang ar|en] [--json] [--diff]` */
function parseEval(args: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: false,
      strict: true,
      options: {
        corpus: { type: 'string' },
        articles: { type: 'string' },
        gold: { type: 'string' },
        lang: { type: 'string' },
        json: { type: 'boolean' },
        diff: { type: 'boolean' },
        stories: { type: 'boolean' },
        peers: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usageError(firstSentence((err as Error).message));
  }
  const { values } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.stories) {
    const dir = values.corpus ?? DEFAULT_STORIES;
    const storiesLang = values.lang ?? 'en';
    if (!(LANGUAGES as readonly string[]).includes(storiesLang)) return usageError(`unknown language '${storiesLang}' for --lang (expected ar or en)`);
    return {
      kind: 'eval',
      options: { articles: values.articles ?? `${dir}/articles`, gold: values.gold ?? `${dir}/gold.json`, json: values.json ?? false, diff: values.diff ?? false, lang: storiesLang, stories: true, peers: false },
    };
  }
  // the peers read English: --peers alone scores the English corpus
  const lang = values.lang ?? (values.peers ? 'en' : 'ar');
  if (!(LANGUAGES as readonly string[]).includes(lang)) return usageError(`unknown language '${lang}' for --lang (expected ar or en)`);
  const corpus = values.corpus ?? (lang === 'ar' ? DEFAULT_CORPUS : `${DEFAULT_CORPUS}-${lang}`);
  return {
    kind: 'eval',
    options: {
      articles: values.articles ?? `${corpus}/articles`,
      gold: values.gold ?? `${corpus}/gold`,
      json: values.json ?? false,
      diff: values.diff ?? false,
      peers: values.peers ?? false,
      lang,
      stories: false,
    },
  };
}

/** `stories DIR [--no-bom] [--quiet]` */
function parseStories(args: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: { 'no-bom': { type: 'boolean' }, quiet: { type: 'boolean', short: 'q' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    return usageError(firstSentence((err as Error).message));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (positionals.length !== 1 || positionals[0] === '') return usageError('stories needs one directory: the --out of an extract run');
  return { kind: 'stories', options: { dir: positionals[0]!, bom: !values['no-bom'], quiet: values.quiet ?? false } };
}
