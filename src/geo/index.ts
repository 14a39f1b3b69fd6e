// The gazetteer: place names → places, for the text matcher and the resolver.
export { placeKey, isArabicScript, isLatinScript, keyTokens } from './keys.js';
export { loadGazetteer, Gazetteer, type LoadOptions } from './gazetteer.js';
export { rankCandidates, bestCandidate, adminHintKeys, COMMON_WORD_NAMES, commonWordsPath, type RankContext, type Ranked } from './disambiguate.js';
export { loadCuratedFile, applyCurated, checkCurated, type CuratedEntry, type CuratedFile, type CuratedStats } from './curated.js';
export { loadCommonWords } from './common-words.js';
export { distanceKm } from './distance.js';
export { benchGazetteer, type GazetteerBench } from './bench.js';
export type { Place, PlaceKind, Country } from './types.js';
