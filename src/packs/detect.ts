/**
 * The language of an article, from its text: the share of each script among its letters, then,
 * for the Latin and Arabic scripts that several languages share, the most frequent function words.
 * Hand rules, not a model: news text is long enough that a few dozen function words decide it.
 * Only the first 4,000 code units are read (a lead is enough; the rate stays flat on long articles).
 * Function words are general knowledge of each language's most frequent words.
 */

const SAMPLE = 4000;

/** Function words that tell the Latin-script languages apart (each list: frequent, rarely shared). */
const LATIN_FUNCTION_WORDS: Record<string, readonly string[]> = {
  en: ['the', 'of', 'and', 'to', 'in', 'is', 'was', 'said', 'that', 'for', 'with', 'were', 'on', 'by', 'have', 'has', 'from', 'at', 'he', 'it', 'they', 'which'],
  fr: ['le', 'la', 'les', 'des', 'et', 'est', 'une', 'dans', 'du', 'que', 'pour', 'qui', 'au', 'sur', 'pas', 'ont', 'été', 'aux', 'avec', 'il'],
  es: ['el', 'los', 'las', 'del', 'y', 'que', 'por', 'con', 'una', 'para', 'es', 'fue', 'han', 'como', 'más', 'su', 'sus', 'al'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'mit', 'den', 'von', 'sich', 'auf', 'ein', 'eine', 'dem', 'wurde', 'auch', 'zu', 'im'],
  it: ['il', 'di', 'che', 'per', 'non', 'della', 'gli', 'nel', 'sono', 'alla', 'dei', 'delle', 'è', 'anche', 'con', 'ha'],
  pt: ['os', 'da', 'do', 'em', 'não', 'uma', 'das', 'dos', 'para', 'com', 'foi', 'pelo', 'pela', 'ao', 'são', 'mais'],
  tr: ['ve', 'bir', 'bu', 'için', 'ile', 'olarak', 'da', 'de', 'çok', 'daha', 'olan', 'gibi', 'ancak', 'dedi'],
  id: ['yang', 'dan', 'di', 'itu', 'dengan', 'untuk', 'dari', 'ini', 'dalam', 'tidak', 'akan', 'pada', 'juga', 'oleh'],
};

/** Arabic-script languages: letters only one of them uses, and function words. */
const PERSIAN = /[\u067E\u0686\u0698\u06AF]/gu;
const URDU = /[\u0679\u0688\u0691\u06BA\u06BE\u06C1\u06D2]/gu;
const PERSIAN_WORDS = new Set(['\u0627\u0633\u062A', '\u0627\u06CC\u0646', '\u0631\u0627', '\u06A9\u0647', '\u0645\u06CC', '\u0628\u0627']);

const SCRIPTS: Array<[RegExp, string]> = [
  [/\p{Script=Arabic}/u, 'arabic'],
  [/\p{Script=Latin}/u, 'latin'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Han}/u, 'zh'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Ethiopic}/u, 'am'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Armenian}/u, 'hy'],
  [/\p{Script=Georgian}/u, 'ka'],
];

/** The script of one letter, by its block first (most letters are ASCII or Arabic). */
function scriptOf(ch: string, code: number): string | null {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return 'latin';
  if (code >= 0x0600 && code <= 0x06ff) return 'arabic';
  if (code < 0xc0) return null;
  for (const [re, name] of SCRIPTS) if (re.test(ch)) return name;
  return null;
}

/** ISO 639-1 code of the text's language, or 'und' when it has no letters to tell. */
export function detectLanguage(text: string): string {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const counts = new Map<string, number>();
  let letters = 0;
  for (const ch of sample) {
    const s = scriptOf(ch, ch.charCodeAt(0));
    if (!s) continue;
    letters++;
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  if (letters === 0) return 'und';
  let script = 'latin';
  let best = 0;
  for (const [s, n] of counts) if (n > best) [script, best] = [s, n];
  if (script === 'arabic') return arabicScriptLanguage(sample);
  if (script !== 'latin') return script;
  return latinLanguage(sample);
}

function arabicScriptLanguage(sample: string): string {
  const urdu = sample.match(URDU)?.length ?? 0;
  const persian = sample.match(PERSIAN)?.length ?? 0;
  const words = sample.split(/[^\p{L}]+/u);
  const persianWords = words.filter((w) => PERSIAN_WORDS.has(w)).length;
  const arabicLetters = sample.match(/[\u0600-\u06FF]/gu)?.length ?? 1;
  // Arabic news has none of these letters but in a few foreign names; Persian and Urdu use them in every line
  if (urdu > arabicLetters * 0.01) return 'ur';
  if (persian > arabicLetters * 0.01 || persianWords >= 5) return 'fa';
  return 'ar';
}

function latinLanguage(sample: string): string {
  const words = sample.toLowerCase().split(/[^\p{L}]+/u);
  const freq = new Map<string, number>();
  for (const w of words) if (w) freq.set(w, (freq.get(w) ?? 0) + 1);
  let lang = 'en';
  let best = -1;
  for (const [code, list] of Object.entries(LATIN_FUNCTION_WORDS)) {
    let n = 0;
    for (const w of list) n += freq.get(w) ?? 0;
    if (n > best) [lang, best] = [code, n];
  }
  return lang;
}
