// The extraction worker that piscina runs on each thread: one extractor per thread, built at the
// thread's first task, so the knowledge (lexicons and the gazetteer, ~0.6 s and ~100 MB) is loaded
// once per thread and never at import time. Each task is one DocumentInput; the answer is plain data.
import type { DocumentInput } from '../doc/document.js';
import { createExtractor } from './index.js';
import { documentParts, type WorkerReply } from './parts.js';
import type { Extractor } from './types.js';

// Per-thread state, by design: a worker thread exists to hold one loaded extractor.
let extractor: Extractor | null = null;
let loadFailure: string | null = null;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export default function extractInWorker(input: DocumentInput): WorkerReply {
  if (!extractor && loadFailure === null) {
    try {
      extractor = createExtractor();
    } catch (err) {
      loadFailure = message(err);
    }
  }
  if (!extractor) return { ok: false, fatal: true, message: loadFailure ?? 'extractor unavailable' };
  try {
    return { ok: true, parts: documentParts(extractor(input)) };
  } catch (err) {
    return { ok: false, fatal: false, message: message(err) };
  }
}
