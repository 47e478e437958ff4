/** The Arabic pack: its lexicons are data/lexicons/ar/; Arabic has no letter case, so no name runs. */
import type { PackSpec } from '../pack.ts';
import { arabicMorphology } from './morphology.ts';

/**
 * The given name علي folds to the preposition على (ى → ي). An article that writes the preposition
 * with ى somewhere writes the two apart, so there a word spelt علي (with ي) is the name: "وقال علي
 * نور نائب حاكم". In an article that never writes على, علي may be either and stays a function word.
 */
const NAME = 'علي';
const PREPOSITION = /(?<!\p{L})على(?!\p{L})/u;
/** the last article asked about and whether it writes the preposition with ى (one scan per article) */
let lastArticle = '';
let apart = false;
function homographName(original: string, start: number, end: number): boolean {
  if (end - start !== NAME.length || original.slice(start, end) !== NAME) return false;
  if (original !== lastArticle) {
    lastArticle = original;
    apart = PREPOSITION.test(original);
  }
  return apart;
}

export const arabicPack: PackSpec = { morphology: arabicMorphology, homographName };
