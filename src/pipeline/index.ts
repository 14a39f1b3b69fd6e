// Building the extractor: load and compile the knowledge once, then compose the stages in order.
import { loadKnowledge, type Knowledge } from '../knowledge/index.js';
import { cliticsStage, numbersStage, tokensStage } from '../lang/ar/reader.js';
import { composeStages } from './runner.js';
import type { Extractor, Stage } from './types.js';

export function readingStages(k: Knowledge): Stage[] {
  return [tokensStage(k.arabic), cliticsStage(k.known), numbersStage(k.arabic)];
}

export function createExtractor(knowledge: Knowledge = loadKnowledge()): Extractor {
  return composeStages([...readingStages(knowledge)]);
}
