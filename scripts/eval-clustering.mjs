#!/usr/bin/env node
// Clustering on ../shared/eval/dev.jsonl: do the reports of one event, told by several articles,
// end up as one canonical event, and do different events stay apart?
//
// What is counted: every unordered pair of distinct documents of dev.jsonl (n·(n−1)/2 pairs).
// A pair is gold-same when both items carry the same non-null `same_event_group`. It is
// predicted-same
//   - "match": when matchReports says "same" for at least one pair of their extracted events;
//   - "store": when, after saving every document in file order into a fresh SQLite store with the
//     default corroborator, the two articles share at least one canonical event.
// Precision, recall and F1 of the predicted-same pairs against the gold-same pairs are printed for
// both. Extraction runs through dist/ (npm run build first). Skips with a message where ../shared is
// absent. --verbose lists every predicted or gold pair with the reasons of its best event pair.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = process.env.MARSAD_EVAL_DIR ?? join(root, '..', 'shared', 'eval');
const gold = join(evalDir, 'dev.jsonl');
const verbose = process.argv.includes('--verbose');
const asJson = process.argv.includes('--json');
if (!existsSync(gold)) {
  console.log(`eval-clustering: skipped — ${gold} is absent (the evaluation data is not shipped with marsad)`);
  process.exit(0);
}
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
if (!existsSync(join(root, 'dist', 'corroborate', 'index.js'))) {
  console.error('eval-clustering: dist/corroborate is missing; run `npm run build` first');
  process.exit(1);
}
const { createExtractor } = await import(dist('pipeline/index.js'));
const { matchReports, factsOfRecord, createCorroborator } = await import(dist('corroborate/index.js'));
const { openSqliteStore } = await import(dist('store/index.js'));

const items = readFileSync(gold, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const extract = createExtractor();
const docs = items.map((it) => extract({ id: it.id, text: it.text, url: it.source_url ?? null, publishedAt: it.pub_date ?? null }));

const pairs = [];
for (let i = 0; i < items.length; i++) {
  for (let j = i + 1; j < items.length; j++) {
    const g = items[i].same_event_group;
    pairs.push({ i, j, gold: g !== null && g !== undefined && g === items[j].same_event_group });
  }
}

// "match": order-free, all event pairs across the two documents.
for (const p of pairs) {
  let best = null;
  for (const a of docs[p.i].events) {
    for (const b of docs[p.j].events) {
      const r = matchReports(factsOfRecord(a, docs[p.i].publishedAt), factsOfRecord(b, docs[p.j].publishedAt));
      if (!best || r.score > best.r.score || (r.same && !best.r.same)) best = { a, b, r };
    }
  }
  p.match = best?.r.same ?? false;
  p.best = best;
}

// "store": incremental, through the real store and corroborator, in file order.
const dir = mkdtempSync(join(tmpdir(), 'marsad-eval-clustering-'));
let storeStats;
try {
  const store = await openSqliteStore({ path: join(dir, 'eval.db'), corroborator: createCorroborator() });
  const articleIds = [];
  for (let k = 0; k < items.length; k++) {
    articleIds[k] = (await store.saveArticle({ source: 'eval', url: items[k].source_url ?? null, outlet: null }, docs[k])).articleId;
  }
  // Read memberships at the end: a later document may have joined an earlier one's events.
  const eventsOf = [];
  for (let k = 0; k < items.length; k++) {
    const a = await store.getArticle(articleIds[k]);
    eventsOf[k] = [...new Set((a?.reports ?? []).map((r) => r.eventId).filter(Boolean))];
  }
  for (const p of pairs) p.store = eventsOf[p.i].some((e) => eventsOf[p.j].includes(e));
  storeStats = await store.stats();
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

function score(key) {
  let tp = 0, fp = 0, fn = 0;
  for (const p of pairs) {
    if (p[key] && p.gold) tp++;
    else if (p[key]) fp++;
    else if (p.gold) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}
const out = {
  documents: items.length,
  documentPairs: pairs.length,
  goldSamePairs: pairs.filter((p) => p.gold).length,
  match: score('match'),
  store: { ...score('store'), reports: storeStats.reports, canonicalEvents: storeStats.events },
};
if (asJson) {
  console.log(JSON.stringify(out));
} else {
  const f = (x) => x.toFixed(3);
  console.log(`\n== clustering (${gold})`);
  console.log(`${out.documents} documents, ${out.documentPairs} document pairs, ${out.goldSamePairs} gold "same event" pairs (same_event_group)`);
  for (const key of ['match', 'store']) {
    const s = out[key];
    console.log(`${key.padEnd(6)} pairwise P ${f(s.precision)}  R ${f(s.recall)}  F1 ${f(s.f1)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`);
  }
  console.log(`store: ${out.store.reports} reports → ${out.store.canonicalEvents} canonical events`);
  if (verbose) {
    for (const p of pairs) {
      if (!p.match && !p.store && !p.gold) continue;
      const tag = p.gold ? (p.match ? 'TP' : 'FN') : 'FP';
      const why = p.best ? p.best.r.reasons.map((r) => `${r.rule}(${r.detail})`).join('; ') + (p.best.r.veto ? ` VETO ${p.best.r.veto}` : '') : 'no events';
      console.log(`  ${tag} ${items[p.i].id}–${items[p.j].id} match=${p.match} store=${p.store}: ${why}`);
    }
  }
}
