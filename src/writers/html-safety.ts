/**
 * What keeps every HTML page the project writes (review pages, their index, later the stories chart)
 * safe to open whatever the articles contain. Articles come from feeds and scrapes nobody vetted,
 * and analysts open these pages in the browser where they are logged in to their data portals:
 *
 * - every value is escaped, and the explicit bidi controls (embeddings, overrides, isolates) in it
 *   are shown as visible tokens instead of acting, so a name or an id cannot reorder what is shown
 *   (`evil‮txt.exe`);
 * - only absolute http(s) URLs become links, judged the way a browser would read them;
 * - the page's one inline style and one inline script run under a Content-Security-Policy that
 *   names their sha256 hashes, so nothing else on the page can run, even if escaping ever failed.
 *
 * Pure functions of strings; the hashes are computed from the exact text the page embeds.
 */
import { createHash } from 'node:crypto';
import { decodeHTML } from 'entities';

/** Escapes the five characters that matter in element content and in double- or single-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;').replace(/'/gu, '&#39;');
}

/**
 * The explicit directional formatting characters of the Unicode bidi algorithm (UAX #9 §2): they
 * open embeddings, overrides and isolates that reorder everything up to their terminator or the end
 * of the paragraph. The implicit marks (LRM, RLM, ALM) are left alone: they are common in Arabic
 * text and cannot reorder strong letters.
 */
const BIDI_CONTROLS: Readonly<Record<string, { abbr: string; name: string }>> = {
  '\u202A': { abbr: 'LRE', name: 'LEFT-TO-RIGHT EMBEDDING' },
  '\u202B': { abbr: 'RLE', name: 'RIGHT-TO-LEFT EMBEDDING' },
  '\u202C': { abbr: 'PDF', name: 'POP DIRECTIONAL FORMATTING' },
  '\u202D': { abbr: 'LRO', name: 'LEFT-TO-RIGHT OVERRIDE' },
  '\u202E': { abbr: 'RLO', name: 'RIGHT-TO-LEFT OVERRIDE' },
  '\u2066': { abbr: 'LRI', name: 'LEFT-TO-RIGHT ISOLATE' },
  '\u2067': { abbr: 'RLI', name: 'RIGHT-TO-LEFT ISOLATE' },
  '\u2068': { abbr: 'FSI', name: 'FIRST STRONG ISOLATE' },
  '\u2069': { abbr: 'PDI', name: 'POP DIRECTIONAL ISOLATE' },
};
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const BIDI_CONTROL_ALL = /[\u202A-\u202E\u2066-\u2069]/gu;

const controlOf = (c: string): { abbr: string; name: string } => BIDI_CONTROLS[c]!;
const codePoint = (c: string): string => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A value as element content: escaped, each bidi control as a visible token
 * (`<span class="bidi-control" title="U+202E RIGHT-TO-LEFT OVERRIDE">RLO</span>`).
 * Pages that use it style `.bidi-control` (BIDI_CONTROL_STYLE).
 */
export function htmlText(value: string): string {
  const escaped = escapeHtml(value);
  if (!BIDI_CONTROL.test(escaped)) return escaped;
  return escaped.replace(BIDI_CONTROL_ALL, (c) => `<span class="bidi-control" title="${codePoint(c)} ${controlOf(c).name}">${controlOf(c).abbr}</span>`);
}

/** A value as an attribute shown to the reader (title) or as the page's <title>: escaped, each bidi control as `[RLO]`. */
export function htmlAttribute(value: string): string {
  const escaped = escapeHtml(value);
  if (!BIDI_CONTROL.test(escaped)) return escaped;
  return escaped.replace(BIDI_CONTROL_ALL, (c) => `[${controlOf(c).abbr}]`);
}

/** How htmlText's tokens look: small, boxed, left-to-right, isolated from the text around them. */
export const BIDI_CONTROL_STYLE = `.bidi-control { font: 0.7em ui-monospace, monospace; border: 1px solid #b00; color: #b00; border-radius: 2px; padding: 0 0.15em; margin: 0 0.1em; direction: ltr; unicode-bidi: isolate; }`;

/** How many times entities are decoded at most: `&amp;#x61;` is an `a` after two. */
const MAX_ENTITY_DECODES = 4;

/**
 * The link target of a URL from an article, or null when it must stay plain text. Read the way a
 * browser would read it in an href: HTML entities decoded (repeatedly, so `&amp;#x61;` counts as
 * `a`: `jav&#x61;script:` is `javascript:`), every control, format (zero-width, bidi) and line or
 * paragraph separator character removed (browsers drop tabs and newlines anywhere and C0 controls
 * around a URL), trimmed, then parsed by the WHATWG URL parser (which folds the scheme's case).
 * Only an absolute `http:` or `https:` URL with a host is a link; the result is its serialisation,
 * which is what goes into the href (escaped).
 */
export function httpUrl(raw: string): string | null {
  let decoded = raw;
  for (let i = 0; i < MAX_ENTITY_DECODES && decoded.includes('&'); i++) {
    const next = decodeHTML(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  const cleaned = decoded.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '').trim();
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/u.exec(cleaned)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return null;
  let url: URL;
  try {
    url = new URL(cleaned);
  } catch {
    return null;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') return null;
  return url.href;
}

/** The hashes of the few constant styles and scripts, worked out once per process, not per page. */
const hashes = new Map<string, string>();

/** A CSP source expression allowing exactly this inline script or style: `'sha256-<base64>'`. */
export function cspHash(source: string): string {
  const known = hashes.get(source);
  if (known !== undefined) return known;
  const hash = `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
  if (hashes.size < 16) hashes.set(source, hash);
  return hash;
}

/**
 * The policy of a page with one inline <style> and at most one inline <script>: nothing may load
 * (default-src 'none'), only those two may run, nothing may be embedded, no <base> may redirect
 * links and no form may submit. Trusted Types forbid the DOM's HTML sinks (innerHTML and kin),
 * which the pages' scripts do not use. No 'unsafe-inline' anywhere: inline style attributes and
 * event-handler attributes are refused too.
 */
export function contentSecurityPolicy(page: { style: string; script: string | null }): string {
  return [
    "default-src 'none'",
    `style-src ${cspHash(page.style)}`,
    `script-src ${page.script === null ? "'none'" : cspHash(page.script)}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
  ].join('; ');
}

/**
 * The <head> of a page: charset, the policy (before anything it governs; it holds no quote, so it
 * needs no escaping), no referrer, the title (bidi controls shown as `[RLO]`), the one inline style.
 */
export function pageHead(page: { title: string; style: string; script: string | null }): string {
  return `<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${htmlAttribute(page.title)}</title>
<style>${page.style}</style>
</head>`;
}
