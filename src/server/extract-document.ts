import { MarsadError } from '../doc/diagnostics.js';
import type { DocumentInput } from '../doc/document.js';
import type { MarsadDocument } from '../doc/types.js';
import type { Extractor } from '../pipeline/types.js';

/** Run the extractor; a throw inside it is a bug in the pipeline, reported as EXTRACT_FAILED. */
export function extractDocument(extract: Extractor, input: DocumentInput): MarsadDocument {
  try {
    return extract(input);
  } catch (err) {
    if (err instanceof MarsadError) throw err;
    throw new MarsadError('EXTRACT_FAILED', (err as Error)?.message, { cause: err });
  }
}
