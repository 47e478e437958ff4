/**
 * English word shapes the rules ask about, on folded (lower-cased) words. English has no proclitics
 * and no definite prefix: the article is a word of its own ("the"), so most questions are answered
 * by the grammar lexicon and these say no.
 */
import { isFoldedCommaGap, type Morphology } from '../pack.ts';

const DAY_NUMBER = /^(\d{1,2})(?:st|nd|rd|th)?$/u;

export const englishMorphology: Morphology = {
  isDefinite: () => false,
  hasProcliticArticle: () => false,
  locativeProclitic: () => false,
  dativeProclitic: () => false,
  stripConjunction: () => null,
  // "says", "claims", "denies": a present third-person verb is what the press puts after a
  // subject; a noun plural looks the same, so this is only asked of a word right after a name
  looksLikePresentVerb: (w) => w.length > 3 && /^\p{Ll}+s$/u.test(w) && !w.endsWith('ss'),
  isParticiple: (w) => w.length > 4 && /(?:ed|en)$/u.test(w),
  // "7", "7th", "21st"
  dayNumber: (w) => {
    const m = DAY_NUMBER.exec(w);
    return m ? Number(m[1]) : null;
  },
  isCommaGap: isFoldedCommaGap,
  // English joins clauses with separate words ("and"), never glued to the next one
  opensClause: () => false,
  // English marks the future with a separate word ("will"), which the lexicons hold
  looksLikeFutureVerb: () => false,
  // Arabic word shapes (a verb with an attached object pronoun, a nisba adjective): English writes them as words
  isVerbWithObject: () => false,
  isNisbaAdjective: () => false,
  nisbaDescribes: () => false,
  // English names take every shape a word can
  unlikelyNameWord: () => false,
  // an English verb never carries its subject, and prepositions are words of their own
  verbCarriesSubject: () => false,
  nominalizingProclitic: () => false,
  // English demonyms are written whole ("Pakistani", "Pakistanis"): the plural is the only form
  adjectiveForms: (stem) => {
    const s = stem.trim();
    return s.endsWith('s') || s.endsWith('ese') || s.endsWith('sh') || s.endsWith('ch') ? [s] : [s, `${s}s`];
  },
};
