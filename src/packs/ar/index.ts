/** The Arabic pack: its lexicons are data/lexicons/ar/; Arabic has no letter case, so no name runs. */
import type { PackSpec } from '../pack.ts';
import { arabicMorphology } from './morphology.ts';

export const arabicPack: PackSpec = { morphology: arabicMorphology };
