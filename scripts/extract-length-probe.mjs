// One article of each length (KB, comma-separated; default 10,100,1024) through one warm extractor,
// with the process's CPU time per KB: the probe behind BENCHMARKS.md's profile of long articles.
//   node --cpu-prof --cpu-prof-dir=prof scripts/extract-length-probe.mjs 100,1024
// Needs `npm run build` (it runs the built dist/).
import { createExtractor } from '../dist/pipeline/index.js';
import { articleOfLength } from '../dist/bench/scaling.js';

const extract = createExtractor();
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
for (const kb of (process.argv[2] ?? '10,100,1024').split(',').map(Number)) {
  const text = articleOfLength(kb * 1024);
  const c0 = cpuMs();
  const w0 = performance.now();
  const doc = extract({ id: `len${kb}`, text, publishedAt: '2025-03-01' });
  const cpu = cpuMs() - c0;
  console.log(`${kb} KB: CPU ${cpu.toFixed(0)} ms, ${(cpu / kb).toFixed(2)} ms per KB; wall ${(performance.now() - w0).toFixed(0)} ms; ${doc.events.length} events`);
}
