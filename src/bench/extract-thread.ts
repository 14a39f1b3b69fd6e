// The extraction bench inside one worker thread, as the extraction pool runs it, started by
// benchExtractThread (./extract.ts): the same corpus, warm-up and timed passes; the figures go back as one message.
import { parentPort, workerData } from 'node:worker_threads';
import { createExtractor } from '../pipeline/index.js';
import { generateCorpus } from './corpus.js';
import { timePasses, warmUp } from './extract.js';

const { docs, runs } = workerData as { docs: number; runs: number };
const extract = createExtractor();
const corpus = generateCorpus(docs);
warmUp(extract, corpus);
parentPort!.postMessage(timePasses(extract, corpus, runs));
