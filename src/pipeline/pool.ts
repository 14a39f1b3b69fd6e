// Extraction spread over the machine's cores: a piscina pool of worker threads, each holding one
// extractor, or the extractor on this thread when a batch is too small to pay for threads.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { MarsadError } from '../doc/diagnostics.js';
import type { DocumentInput } from '../doc/document.js';
import type { MarsadDocument } from '../doc/types.js';
import { createExtractor } from './index.js';
import { documentFromParts, type WorkerReply } from './parts.js';
import type { Extractor } from './types.js';

/** The extractor could not be built (knowledge or gazetteer missing or invalid): no document can be extracted. */
export class ExtractorLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(`the extractor could not be loaded: ${message}`, options);
    this.name = 'ExtractorLoadError';
  }
}

export interface ExtractPool {
  /** The size of the batch about to start (null: not known yet), before its first document. */
  plan?(documents: number | null): void;
  /**
   * Extract one document. Rejects with ExtractorLoadError when no extractor can be built, and with
   * a MarsadError EXTRACT_FAILED when this document broke it (a stage error is a diagnostic instead).
   */
  extract(input: DocumentInput): Promise<MarsadDocument>;
  close(): Promise<void>;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Extraction on this thread; the extractor is built at the first document. */
export function inProcessPool(build: () => Extractor = createExtractor): ExtractPool {
  let extractor: Extractor | null = null;
  let failure: ExtractorLoadError | null = null;
  return {
    async extract(input) {
      if (!extractor && !failure) {
        try {
          extractor = build();
        } catch (err) {
          failure = new ExtractorLoadError(messageOf(err), { cause: err });
        }
      }
      if (!extractor) throw failure!;
      try {
        return extractor(input);
      } catch (err) {
        throw new MarsadError('EXTRACT_FAILED', messageOf(err), { cause: err });
      }
    },
    async close() {
      extractor = null;
    },
  };
}

/** The worker module beside this one (dist/pipeline/worker.js once built). */
export const WORKER_FILE = new URL('./worker.js', import.meta.url);

export interface ThreadPoolOptions {
  threads: number;
  /** The worker module (a built .js file); default WORKER_FILE. */
  workerFile?: string | URL;
}

/** Extraction on `threads` worker threads, all started at once and kept until close(). */
export function threadPool(opts: ThreadPoolOptions): ExtractPool {
  const threads = Math.max(1, Math.floor(opts.threads));
  const file = opts.workerFile ?? WORKER_FILE;
  const path = typeof file === 'string' && !file.startsWith('file:') ? file : fileURLToPath(file);
  // Run from the TypeScript sources (a test, a script), there is no worker.js to start.
  let failure: ExtractorLoadError | null = existsSync(path) ? null : new ExtractorLoadError(`no worker module at ${path} (npm run build makes it)`);
  const piscina = failure ? null : new Piscina({
    filename: typeof file === 'string' ? file : file.href,
    minThreads: threads,
    maxThreads: threads,
    // Threads hold the loaded knowledge: never let an idle one go (a watch waits minutes between polls).
    idleTimeout: Infinity,
  });
  return {
    async extract(input) {
      if (failure || !piscina) throw failure;
      let reply: WorkerReply;
      try {
        reply = (await piscina.run(input)) as WorkerReply;
      } catch (err) {
        // The thread died on this document (out of memory, a crash): piscina replaces it; the batch goes on.
        throw new MarsadError('EXTRACT_FAILED', `worker thread: ${messageOf(err)}`, { cause: err });
      }
      if (reply.ok) return documentFromParts(input, reply.parts);
      if (reply.fatal) throw (failure = new ExtractorLoadError(reply.message));
      throw new MarsadError('EXTRACT_FAILED', reply.message);
    },
    async close() {
      await piscina?.destroy();
    },
  };
}

/**
 * Below this many documents a batch runs on this thread: 16 documents take ~0.35 s to extract on
 * one core, less than starting the threads and loading the knowledge in each (~0.6 s, in parallel).
 */
export const SMALL_BATCH = 16;

export interface ExtractPoolOptions {
  /** Worker threads; 1 or less extracts on this thread. Default os.availableParallelism(). */
  workers?: number;
  /** Batches known to hold fewer documents run on this thread. Default SMALL_BATCH. */
  smallBatch?: number;
  workerFile?: string | URL;
  /** The in-process extractor's builder (tests inject a small one). */
  build?: () => Extractor;
}

/**
 * The pool the CLI uses: on this thread for one worker or a small batch, on threads otherwise. The
 * threads, once started, serve every later batch (a watch polls again and again).
 */
export function createExtractPool(opts: ExtractPoolOptions = {}): Required<ExtractPool> & { readonly workers: number } {
  const workers = Math.max(1, Math.floor(opts.workers ?? availableParallelism()));
  const small = opts.smallBatch ?? SMALL_BATCH;
  let local: ExtractPool | null = null;
  let threads: ExtractPool | null = null;
  let current: ExtractPool | null = null;
  const choose = (documents: number | null): ExtractPool => {
    if (workers > 1 && (threads || documents === null || documents >= small)) {
      return (threads ??= threadPool({ threads: workers, workerFile: opts.workerFile }));
    }
    return (local ??= inProcessPool(opts.build));
  };
  return {
    workers,
    plan(documents) {
      current = choose(documents);
    },
    extract(input) {
      current ??= choose(null);
      return current.extract(input);
    },
    async close() {
      await Promise.all([local?.close(), threads?.close()]);
      local = threads = current = null;
    },
  };
}
