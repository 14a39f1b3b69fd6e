// Building the extractor: load and compile the knowledge once, then compose the stages in order.
// The order is the pipeline: read the Arabic, find the mentions, assemble the events.
import { eventsStage } from '../extract/assemble.js';
import { actorsStage } from '../extract/actors.js';
import { casualtiesStage } from '../extract/casualties.js';
import { chromeStage } from '../extract/chrome.js';
import { datesStage } from '../extract/dates.js';
import { modalityStage } from '../extract/modality.js';
import { placesStage } from '../extract/places.js';
import { triggersStage } from '../extract/triggers.js';
import { loadKnowledge, type Knowledge } from '../knowledge/index.js';
import { cliticsStage, numbersStage, tokensStage } from '../lang/ar/reader.js';
import { composeStages } from './runner.js';
import type { Extractor, Stage } from './types.js';

/** The reading stages: the ceiling the benchmarks measure the whole pipeline against. */
export function readingStages(k: Pick<Knowledge, 'arabic' | 'known'>): Stage[] {
  return [tokensStage(k.arabic), cliticsStage(k.known), numbersStage(k.arabic)];
}

export function extractionStages(k: Knowledge): Stage[] {
  return [
    ...readingStages(k),
    chromeStage(),
    datesStage(k.dates),
    placesStage(k.gazetteer, k.placeCues),
    actorsStage(k.actors, k.nationality),
    triggersStage(k.triggers),
    casualtiesStage(k.casualties),
    modalityStage(k.modality),
    eventsStage({ triggers: k.triggers, actors: k.actors, nationality: k.nationality }),
  ];
}

export function createExtractor(knowledge: Knowledge = loadKnowledge()): Extractor {
  return composeStages(extractionStages(knowledge));
}
