/**
 * The English pack: lexicons in data/lexicons/en/, the shared gazetteer, actors and people read under
 * their English names (from the Arabic pack's files), and the rules data cannot say: a name is
 * capitalised, and capitalised runs the lexicons do not know are name candidates.
 */
import type { PackSpec } from '../pack.ts';
import { englishMorphology } from './morphology.ts';
import { capitalised, englishNameRuns } from './names.ts';

export const englishPack: PackSpec = {
  morphology: englishMorphology,
  namesFrom: 'ar',
  nameShaped: capitalised,
  nameRuns: englishNameRuns,
};
