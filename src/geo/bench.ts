// Gazetteer benchmark, for `npm run bench`: load time, memory, lookups per second. No assertions
// here: machines differ; the numbers are printed and compared by eye against the targets
// (load ≤ 300 ms).

import { loadGazetteer, type LoadOptions } from './gazetteer.js';
import { placeKey } from './keys.js';

export interface GazetteerBench {
  /** Wall time of loadGazetteer (read, gunzip, curated overlay), ms. */
  loadMs: number;
  /** Resident memory added by loading, MB. */
  rssMb: number;
  /** JS heap added by loading, MB. */
  heapMb: number;
  /** lookup() calls per second on a mix of hits and misses (Place objects built and cached). */
  lookupsPerSec: number;
  places: number;
}

// Names as news writes them, plus words that are not places (misses cost a full bisection too).
const SAMPLE = [
  'طرابلس', 'مصراتة', 'سرت', 'أبو قرين', 'الوشكة', 'زمزم', 'البويرات', 'بنغازي', 'حلب', 'دمشق', 'إدلب', 'دوما',
  'بغداد', 'الموصل', 'صنعاء', 'عدن', 'تعز', 'الحديدة', 'غزة', 'رفح', 'خان يونس', 'جنين', 'الخرطوم', 'الفاشر',
  'بيروت', 'صور', 'القاهرة', 'العريش', 'الرقة', 'دير الزور', 'ريف دمشق', 'معبر رفح', 'مطار معيتيقة',
  'الجيش', 'قصف', 'مقتل', 'أعلن', 'القوات', 'Tripoli', 'Misrata', 'Aleppo', 'Sanaa', 'xyz',
];

export function benchGazetteer(path?: string, opts: LoadOptions = {}, lookupMs = 500): GazetteerBench {
  const mem0 = process.memoryUsage();
  const t0 = performance.now();
  const gaz = loadGazetteer(path, opts);
  const loadMs = performance.now() - t0;
  const mem1 = process.memoryUsage();
  const keys = SAMPLE.map(placeKey);
  let n = 0;
  const t1 = performance.now();
  let elapsed = 0;
  while (elapsed < lookupMs) {
    for (const k of keys) gaz.lookup(k);
    n += keys.length;
    elapsed = performance.now() - t1;
  }
  return {
    loadMs: Math.round(loadMs * 10) / 10,
    rssMb: Math.round(((mem1.rss - mem0.rss) / 1e6) * 10) / 10,
    heapMb: Math.round(((mem1.heapUsed - mem0.heapUsed) / 1e6) * 10) / 10,
    lookupsPerSec: Math.round(n / (elapsed / 1000)),
    places: gaz.size,
  };
}
