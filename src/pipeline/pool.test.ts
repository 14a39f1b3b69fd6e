import { describe, expect, it } from 'vitest';
import { documentJson, createDocument } from '../doc/document.js';
import { MarsadError } from '../doc/diagnostics.js';
import { documentFromParts } from './parts.js';
import { createExtractPool, ExtractorLoadError, inProcessPool, threadPool } from './pool.js';
import type { Extractor } from './types.js';
import extractInWorker from './worker.js';

const STUB = new URL('./test-helpers/stub-worker.mjs', import.meta.url);
const TEXT = 'قتل ثلاثة مدنيين في قصف استهدف سوقا شعبية وسط مدينة حلب صباح اليوم.';

describe('threadPool', () => {
  it('extracts on worker threads and rebuilds the document on this side, chrome passed through', async () => {
    const pool = threadPool({ threads: 2, workerFile: STUB });
    try {
      const chrome = [{ start: 0, end: 3, kind: 'caption' as const }];
      const docs = await Promise.all([1, 2, 3, 4].map((i) => pool.extract({ id: `d${i}`, text: TEXT, chrome })));
      expect(docs[0]).toMatchObject({ id: 'd1', text: TEXT, country: 'SY', layers: { chrome } });
      expect(docs[0].norm.text.length).toBeGreaterThan(0); // the offset map, rebuilt here
      expect(new Set(docs.map((d) => d.diagnostics[0].message)).size).toBe(2); // both threads worked
    } finally {
      await pool.close();
    }
  });

  it('fails one document with EXTRACT_FAILED and goes on; an extractor that cannot load fails them all', async () => {
    const pool = threadPool({ threads: 1, workerFile: STUB });
    try {
      await expect(pool.extract({ id: 'x', text: 'BAD' })).rejects.toMatchObject({ code: 'EXTRACT_FAILED', message: /broke a stage/ });
      await expect(pool.extract({ id: 'x', text: 'CRASH' })).rejects.toMatchObject({ code: 'EXTRACT_FAILED', message: /thread crashed/ });
      expect((await pool.extract({ id: 'ok', text: TEXT })).id).toBe('ok');
      await expect(pool.extract({ id: 'x', text: 'FATAL' })).rejects.toBeInstanceOf(ExtractorLoadError);
      await expect(pool.extract({ id: 'y', text: TEXT })).rejects.toBeInstanceOf(ExtractorLoadError);
    } finally {
      await pool.close();
    }
  });

  it('says, at the first document, that a missing worker module leaves nothing to extract with', async () => {
    const pool = threadPool({ threads: 1, workerFile: new URL('./test-helpers/no-such-worker.mjs', import.meta.url) });
    try {
      await expect(pool.extract({ id: 'a', text: TEXT })).rejects.toThrow(/no worker module at .*no-such-worker\.mjs/);
    } finally {
      await pool.close();
    }
  });
});

describe('inProcessPool', () => {
  it('builds the extractor once, at the first document', async () => {
    let builds = 0;
    const pool = inProcessPool(() => {
      builds++;
      return (input) => createDocument(input);
    });
    expect(builds).toBe(0);
    await pool.extract({ id: 'a', text: TEXT });
    await pool.extract({ id: 'b', text: TEXT });
    expect(builds).toBe(1);
  });

  it('turns a build failure into ExtractorLoadError and a throw into EXTRACT_FAILED', async () => {
    await expect(inProcessPool(() => {
      throw new Error('no gazetteer');
    }).extract({ id: 'a', text: TEXT })).rejects.toThrow(/could not be loaded: no gazetteer/);
    const throwing: Extractor = () => {
      throw new Error('bug');
    };
    await expect(inProcessPool(() => throwing).extract({ id: 'a', text: TEXT })).rejects.toBeInstanceOf(MarsadError);
  });
});

describe('createExtractPool', () => {
  const local = (): { build: () => Extractor; builds: () => number } => {
    let n = 0;
    return {
      build: () => {
        n++;
        return (input) => createDocument(input);
      },
      builds: () => n,
    };
  };

  it('extracts on this thread with one worker, or for a batch known to be small', async () => {
    for (const [workers, planned] of [[1, null], [2, 3]] as const) {
      const l = local();
      const pool = createExtractPool({ workers, smallBatch: 16, build: l.build, workerFile: STUB });
      pool.plan(planned);
      const doc = await pool.extract({ id: 'a', text: TEXT });
      expect(doc.country).toBeNull(); // the stub worker would have said SY
      expect(l.builds()).toBe(1);
      await pool.close();
    }
  });

  it('uses the threads for a large or unknown batch, and keeps them for the batches after', async () => {
    const l = local();
    const pool = createExtractPool({ workers: 2, smallBatch: 16, build: l.build, workerFile: STUB });
    try {
      pool.plan(null);
      expect((await pool.extract({ id: 'a', text: TEXT })).country).toBe('SY');
      pool.plan(2);
      expect((await pool.extract({ id: 'b', text: TEXT })).country).toBe('SY');
      expect(l.builds()).toBe(0);
    } finally {
      await pool.close();
    }
  });
});

describe('the worker', () => {
  it('answers with plain data that rebuilds the document the extractor makes on this thread', async () => {
    const { createExtractor } = await import('./index.js');
    const input = { id: 'w1', text: TEXT, publishedAt: '2024-03-05' };
    const reply = extractInWorker(input);
    if (!reply.ok) throw new Error(reply.message);
    const rebuilt = documentFromParts(input, structuredClone(reply.parts));
    expect(documentJson(rebuilt, { layers: true })).toEqual(documentJson(createExtractor()(input), { layers: true }));
    expect(rebuilt.events.length).toBeGreaterThan(0);
  });
});
