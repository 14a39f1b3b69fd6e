// The runner: a plain loop over named stages. The order is checked once when the pipeline is built
// (every layer a stage needs was added by an earlier one); a stage that throws becomes a diagnostic on
// the document and the rest of the batch goes on.
import { createDocument, type DocumentInput } from '../doc/document.js';
import { diagnostic } from '../doc/diagnostics.js';
import type { Extractor, Stage } from './types.js';

export function composeStages(stages: Stage[]): Extractor {
  const have = new Set<string>();
  for (const s of stages) {
    for (const need of s.needs) {
      if (!have.has(need)) throw new Error(`pipeline: stage "${s.name}" needs "${need}", which no earlier stage adds`);
    }
    for (const add of s.adds) have.add(add);
  }
  return (input: DocumentInput) => {
    const doc = createDocument(input);
    for (const stage of stages) {
      try {
        stage.run(doc);
      } catch (err) {
        doc.diagnostics.push(diagnostic('EXTRACT_FAILED', `stage ${stage.name}: ${(err as Error).message}`, { source: stage.name }));
        break; // later stages depend on this one's layers
      }
    }
    return doc;
  };
}
