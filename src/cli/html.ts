/**
 * A saved web page → an article. @mozilla/readability (over linkedom's DOM) finds the article body,
 * so navigation, headers, footers and related-article lists never reach the text; the page's own
 * metadata gives the title, publication date, canonical URL, outlet and language.
 */
import { createRequire } from 'node:module';
import type { ArticleInput } from '../schema/index.ts';

/**
 * Readability and linkedom, loaded on the first page read: linkedom alone takes ~200 ms to load,
 * which a run without .html inputs (and every run's start-up) need not pay.
 */
let html: { Readability: typeof import('@mozilla/readability').Readability; parseHTML: typeof import('linkedom').parseHTML } | undefined;
function htmlLibraries(): NonNullable<typeof html> {
  if (html === undefined) {
    const require = createRequire(import.meta.url);
    html = {
      Readability: (require('@mozilla/readability') as typeof import('@mozilla/readability')).Readability,
      parseHTML: (require('linkedom') as typeof import('linkedom')).parseHTML,
    };
  }
  return html;
}

/** The few DOM members used here (the project compiles without the DOM lib). */
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  remove(): void;
}
interface DomDocument {
  readonly documentElement: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content starts a new line of text. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
/** Elements whose content is never article text. */
const SKIPPED = new Set(['HEAD', 'TITLE', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'BUTTON', 'SELECT', 'IFRAME']);

/**
 * The text of an element with one block (paragraph, heading, list item) per line: runs of white
 * space inside a block collapse to one space, <br> breaks the line, empty lines are dropped.
 */
export function blockText(root: DomNode): string {
  const lines: string[] = [];
  let current = '';
  const flush = (): void => {
    const line = current.replace(/\s+/gu, ' ').trim();
    if (line !== '') lines.push(line);
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    if (tag === 'BR') {
      flush();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
    else if (tag === 'IMG') current += ' ';
  };
  walk(root);
  flush();
  return lines.join('\n');
}

const clean = (s: string | null | undefined): string | null => {
  const t = (s ?? '').replace(/\s+/gu, ' ').trim();
  return t === '' ? null : t;
};

function meta(doc: DomDocument, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const value = clean(doc.querySelector(`meta[${attr}="${key}"]`)?.getAttribute('content'));
      if (value) return value;
    }
  }
  return null;
}

/** Every object in the page's JSON-LD blocks, @graph members included. */
function jsonLdObjects(doc: DomDocument): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const obj = value as Record<string, unknown>;
      out.push(obj);
      if ('@graph' in obj) visit(obj['@graph']);
    }
  };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // a broken JSON-LD block is the page's problem; the other sources still count
    }
  }
  return out;
}

/**
 * A machine-readable date as the publication date: its calendar date as written (the site's own
 * time zone), since converting 2020-11-01T01:00+03:00 to UTC would move it to the day before.
 */
function datePart(value: string | null | undefined): string | null {
  const v = clean(value);
  if (!v) return null;
  const m = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/u.exec(v);
  return m ? m[1]! : v;
}

/** `published` from article:published_time, then <time datetime>, then JSON-LD datePublished. */
function publishedOf(doc: DomDocument): string | null {
  const fromMeta = datePart(meta(doc, 'article:published_time', 'og:article:published_time', 'datePublished'));
  if (fromMeta) return fromMeta;
  const time = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  const fromTime = datePart(time?.getAttribute('datetime'));
  if (fromTime) return fromTime;
  for (const obj of jsonLdObjects(doc)) {
    const value = obj['datePublished'];
    if (typeof value === 'string' && datePart(value)) return datePart(value);
  }
  return null; // the extractor still finds a date line in the text
}

/** Characters that separate a page title from the site name ("Title | Site", "Site - Title"). */
const SEPARATORS = '|-–—:·•»';

/** "Title - Site" → "Title" when the site name (or the page's <h1>) shows where the title ends. */
function titleOf(candidate: string | null, h1: string | null, siteName: string | null): string | null {
  let title = clean(candidate);
  if (!title) return null;
  if (siteName && title !== siteName) {
    if (title.endsWith(siteName) && SEPARATORS.includes(title.slice(0, -siteName.length).trimEnd().slice(-1))) {
      title = title.slice(0, -siteName.length).trimEnd().slice(0, -1).trimEnd();
    } else if (title.startsWith(siteName) && SEPARATORS.includes(title.slice(siteName.length).trimStart().charAt(0))) {
      title = title.slice(siteName.length).trimStart().slice(1).trimStart();
    }
  }
  if (h1 && h1 !== title && title.startsWith(h1) && SEPARATORS.includes(title.slice(h1.length).trimStart().charAt(0))) return h1;
  return title;
}

/** The page's language when it is one of `languages` (ar-SA → ar). */
function languageOf(doc: DomDocument, readabilityLang: string | null, languages: readonly string[]): string | null {
  const lang = clean(readabilityLang) ?? clean(doc.documentElement?.getAttribute('lang'));
  const primary = lang?.toLowerCase().split(/[-_]/u)[0];
  return primary !== undefined && languages.includes(primary) ? primary : null;
}

/** The charset a page declares in <meta charset> or <meta http-equiv="Content-Type">, read from raw bytes. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  for (const tag of head.match(/<meta[^<>]*>/giu) ?? []) {
    const m = /charset\s*=[\s"']*([A-Za-z0-9_:.-]+)/iu.exec(tag);
    if (m) return m[1];
  }
  return undefined;
}

/** linkedom makes a fragment's first element the document element: give fragments a document. */
function parsePage(html: string): DomDocument {
  const page = /<html[\s>]/iu.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return (htmlLibraries().parseHTML(page) as unknown as { document: DomDocument }).document;
}

/** Page furniture: never article text, whatever Readability's scoring would make of a short page. */
const FURNITURE = 'nav, footer, aside, form, dialog, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"], [role="search"], [aria-hidden="true"]';

/** Remove the furniture, and the site's <header> (an <article>'s own header holds its title and date). */
function stripFurniture(document: DomDocument): void {
  for (const el of Array.from(document.querySelectorAll(FURNITURE))) el.remove();
  for (const el of Array.from(document.querySelectorAll('header'))) if (!el.closest('article, main')) el.remove();
}

/** When Readability finds nothing: the text of <article>, else <main>, else <body>, furniture removed. */
function fallbackText(html: string): string {
  const document = parsePage(html);
  stripFurniture(document);
  const root = document.querySelector('article') ?? document.querySelector('main') ?? document.querySelector('body') ?? document.documentElement;
  return root ? blockText(root) : '';
}

export type PageResult = { input: ArticleInput; error?: undefined } | { input?: undefined; error: string };

export interface PageOptions {
  /** languages the extractor has packs for; a page in another language is left to --lang */
  languages?: readonly string[];
}

/** Read an HTML page into an article input, or say why there is no article in it. */
export function articleFromHtml(html: string, options: PageOptions = {}): PageResult {
  const document = parsePage(html);
  // Metadata first: Readability rewrites the DOM it reads.
  const published = publishedOf(document);
  const url = clean(document.querySelector('link[rel="canonical"]')?.getAttribute('href')) ?? meta(document, 'og:url');
  const jsonLdOutlet = jsonLdObjects(document)
    .map((o) => o['publisher'])
    .map((p) => (typeof p === 'object' && p !== null ? (p as Record<string, unknown>)['name'] : undefined))
    .find((n): n is string => typeof n === 'string');
  const h1 = clean(document.querySelector('article h1')?.textContent) ?? clean(document.querySelector('h1')?.textContent);
  const pageTitle = clean(document.querySelector('title')?.textContent);

  stripFurniture(document);
  const parsed = new (htmlLibraries().Readability)<unknown>(document as never, { serializer: (node) => node }).parse();
  const body = parsed?.content as DomNode | null | undefined;
  const siteName = clean(parsed?.siteName) ?? meta(document, 'og:site_name') ?? clean(jsonLdOutlet);
  const title = titleOf(clean(parsed?.title) ?? pageTitle ?? h1, h1, siteName);
  let lines = (body ? blockText(body) : fallbackText(html)).split('\n').filter((l) => l !== '');
  if (lines.length === 0) lines = fallbackText(html).split('\n').filter((l) => l !== '');
  // The title travels as a field: a copy of it as the first line would be read twice.
  if (title !== null && lines[0] === title) lines = lines.slice(1);
  const text = lines.join('\n');
  if (text.trim() === '') return { error: 'no article text found in the page' };

  const input: ArticleInput = { text };
  if (title !== null) input.title = title;
  if (published !== null) input.published = published;
  if (url !== null) input.url = url;
  if (siteName !== null) input.outlet = siteName;
  const lang = languageOf(document, parsed?.lang ?? null, options.languages ?? []);
  if (lang !== null) input.lang = lang;
  return { input };
}
