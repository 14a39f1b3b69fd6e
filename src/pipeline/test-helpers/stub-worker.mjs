// A stand-in for worker.js in the pool tests (the real worker is TypeScript until it is built): it
// answers as the real one does, without loading any knowledge. Plain JavaScript so a thread can load it.
import { threadId } from 'node:worker_threads';

const empty = () => ({ tokens: [], segments: [], sentences: [], numbers: [], dates: [], places: [], actors: [], triggers: [], casualties: [], chrome: [], modality: [] });

export default function stubExtract(input) {
  if (input.text === 'FATAL') return { ok: false, fatal: true, message: 'gazetteer missing' };
  if (input.text === 'BAD') return { ok: false, fatal: false, message: 'this document broke a stage' };
  if (input.text === 'CRASH') throw new Error('thread crashed');
  const layers = { ...empty(), chrome: input.chrome ?? [] };
  return { ok: true, parts: { country: 'SY', layers, events: [], diagnostics: [{ code: 'GEO_UNRESOLVED', severity: 'warning', message: `thread ${threadId}` }] } };
}
