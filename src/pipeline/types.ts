import type { DocumentInput } from '../doc/document.js';
import type { DocumentLayers, MarsadDocument } from '../doc/types.js';

/** A pipeline stage: a small named step, document in, document out (it fills layers in place). */
export interface Stage {
  name: string;
  /** Layers this stage reads; the runner checks they were produced earlier. */
  needs: ReadonlyArray<keyof DocumentLayers | 'events'>;
  /** Layers this stage fills. */
  adds: ReadonlyArray<keyof DocumentLayers | 'events'>;
  run(doc: MarsadDocument): void;
}

/** What the faces (CLI, server, workers) call: text in, a finished document out. Pure and synchronous. */
export type Extractor = (input: DocumentInput) => MarsadDocument;
