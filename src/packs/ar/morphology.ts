/**
 * Arabic word shapes the rules need, on folded words (أ/إ/آ → ا, ى → ي, ة → ه). Kept in the
 * Arabic pack so stages ask "is this word definite?" and never spell an Arabic prefix themselves.
 */
import { isFoldedCommaGap, type Morphology } from '../pack.ts';

const NOT_FUTURE = /^[وف]?(?:سيطر|سياس|سيار|سينا|سيول|سيد|سير|ستين|ستون|ستمئ|ستمائ|سنو|سنت|سني|ستار|سيف|سينم|ستود|سنغ|سند|سنج)/u;

export const arabicMorphology: Morphology = {
  isDefinite: (w) => w.startsWith('ال') && w.length > 3,
  // "بالرد", "للقوات", "والجيش": a preposition or conjunction glued to the article — never part of a name
  hasProcliticArticle: (w) => /^(?:[وف]?(?:بال|كال|لل)|وال|فال)\p{L}{2,}/u.test(w),
  // "بباكو" (in Baku) is a place; "ليريفان" (to Yerevan) is someone things are given to
  locativeProclitic: (p) => p.endsWith('ب'),
  dativeProclitic: (p) => p.endsWith('ل'),
  // "ستجرى", "سيصل", "وسنعود": the future prefix سـ on a present verb. Not: nouns (ending in ه or
  // ات when folded: سيارة، سنوات), past forms (ending in ت or وا: سيطرت، سيطروا), and common words
  // that merely start like one (سيطر، سياسي، سيناء، ستين، سنة …)
  looksLikeFutureVerb: (w) => /^[وف]?س[يتن]\p{L}{2,}$/u.test(w) && !/(?:ه|ات|ت|وا)$/u.test(w) && !NOT_FUTURE.test(w),
  // "وعشرين": the conjunction that joins compound numbers and the second bound of a range
  stripConjunction: (w) => (w.startsWith('و') && w.length > 1 ? w.slice(1) : null),
  // present-tense verb with its prefix (يـ، تـ، سيـ، ستـ), optionally an object pronoun: "تقدمها"
  looksLikePresentVerb: (w) => /^(?:[تي]\p{L}{3,}|ست\p{L}{3,}|سي\p{L}{3,})$/u.test(w),
  // "يتخذها", "تسيطر عليهم": a present-tense verb carrying an object pronoun
  isVerbWithObject: (w) => /^(?:[تي]|ست|سي)\p{L}{2,}(?:ها|هم|هما|هن)$/u.test(w),
  // "جنوبية", "حدودي": an indefinite relative (nisba) adjective, folded (ة → ه)
  // "عسكري", "جوية", and their duals "جويتين", "جويان" ("غارتين جويتين"): an indefinite relative adjective
  isNisbaAdjective: (w) => !w.startsWith('ال') && w.length > 4 && /(?:ي|يه|يتين|يتان|يين|يان)$/u.test(w),
  // an adjective agrees with its noun in gender: after a feminine noun (ending in ة, folded ه) a
  // nisba is feminine ("منطقة جنوبية"), so "منطقة شبيلي" is a name, not "a Shabeli area"
  nisbaDescribes: (head, w) => !w.startsWith('ال') && w.length > 4 && (/(?:يه|يتين|يتان)$/u.test(w) || (/(?:ي|يين|يان)$/u.test(w) && !head.endsWith('ه'))),
  // "المدعومين من يريفان": a participle (مـ…) whose agent follows من
  isParticiple: (w) => /^(?:ال)?م\p{L}{2,}(?:ين|ون|ه|ا)$/u.test(w),
  // "الـ10 من أكتوبر" folds to "ال10"
  dayNumber: (w) => {
    const m = /^(?:ال)?(\d{1,2})$/u.exec(w);
    return m ? Number(m[1]) : null;
  },
  // "وقال", "فأكد": a verb that opens a new clause with its conjunction
  opensClause: (w) => /^[وف]\p{L}{2,}/u.test(w),
  // on folded text, where the Arabic comma is already ','
  isCommaGap: isFoldedCommaGap,
  // "توقعوا" (a past verb, plural), "واستضافهم" (an object pronoun): shapes of verbs, not of names
  unlikelyNameWord: (w) => w.length > 3 && /(?:وا|هم|هما|كم|هن)$/u.test(w),
  // "اتهموا", "يقولون": a verb agrees in number only with a subject before it or the pronoun it
  // carries; after a plural ending the noun that follows is the object ("كما اتهموا القوات …")
  verbCarriesSubject: (w) => w.length > 3 && /(?:وا|ون)$/u.test(w),
  // "لشجب", "بطلب", "كشف": ل، ب or ك glued to a verb's form reads it as a verbal noun
  // ("to condemn", "by request"); only و and ف join a finite verb
  nominalizingProclitic: (p) => /[بكل]/u.test(p),
  // nisba adjectives: أذربيجاني → أذربيجانية، الأذربيجانيين …
  adjectiveForms: (stem) => {
    const s = stem.trim();
    const bases = s.endsWith('ي') ? [s, `${s}ة`, `${s}ين`, `${s}ون`, `${s}ات`, `${s}ان`, `${s}تين`, `${s}تان`, `${s}ا`] : [s];
    return bases.flatMap((b) => [b, `ال${b}`]);
  },
};
