// The store's corroborator: which canonical event does a new report tell? Candidates come from the
// store (same country, near the place or in its region, within the date window); each is scored
// by matchReports against every report it already holds, and the best at or above the threshold
// takes the report. The canonical event's figures (fatalities low/best/high, the conflict flag) are
// recomputed by the store itself (src/store/refresh-event.ts) whenever a report joins.

import type { Corroborator, EventFilter, EventRow, ReportCandidate, StoreReader } from '../store/types.js';
import { DEFAULT_THRESHOLD, factsOfRecord, matchReports, type MatchResult, type ReportFacts } from './match.js';

export interface CorroboratorOptions {
  threshold?: number;
  /** Called with the decision for every report (eventId null: it starts an event of its own). */
  onDecision?(d: { reportId: string; eventId: string | null; result: MatchResult | null }): void;
}

/** Events listed per candidate query; a town's events within three days rarely reach a tenth of it. */
const CANDIDATES_PER_QUERY = 200;
/** Candidates whose reports are read one by one, best first by their canonical row. */
const CANDIDATES_READ = 10;
/** ±0.25° (≈25 km) around the place: covers the widest distance matchReports accepts. */
const BBOX_DEGREES = 0.25;

function shiftDay(d: string, days: number): string {
  const t = Date.parse(d.slice(0, 10) + 'T00:00:00Z') + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** A canonical event's row seen as facts: its primary report's fields and every source's publication. */
export function factsOfEventRow(e: EventRow): ReportFacts {
  return {
    subEventType: e.subEventType,
    location: e.country === null && e.latitude === null ? null : {
      country: e.country, countryCode: null, admin1: e.admin1, admin2: e.admin2,
      lat: e.latitude, lon: e.longitude, geoPrecision: (e.geoPrecision ?? 1) as 1 | 2 | 3, gazetteerId: null,
    },
    date: e.eventDate,
    timePrecision: e.timePrecision,
    published: e.sources.map((s) => s.publishedAt).filter((p): p is string => p !== null),
    actors: [{ id: e.actor1Id, inter: e.inter1 }, { id: e.actor2Id, inter: e.inter2 }].filter((a) => a.id !== null),
    fatalities: e.fatalities,
    injured: e.injured,
  };
}

/** The filters that list every canonical event the report could join. */
function candidateFilters(facts: ReportFacts): EventFilter[] {
  const loc = facts.location!;
  const base: EventFilter = {};
  const country = loc.countryCode ?? loc.country;
  if (country) base.country = country;
  const places: EventFilter[] = [];
  if (loc.lat !== null && loc.lon !== null) {
    places.push({ ...base, bbox: [loc.lon - BBOX_DEGREES, loc.lat - BBOX_DEGREES, loc.lon + BBOX_DEGREES, loc.lat + BBOX_DEGREES] });
  }
  // Region-level events sit at their region's centroid, often farther than the box.
  if (loc.admin1) places.push({ ...base, admin1: loc.admin1 });
  if (!places.length) places.push(base);

  const anchors = facts.date ? [facts.date] : facts.published.map((p) => p.slice(0, 10));
  if (!anchors.length) return places;
  const sorted = [...anchors].sort();
  // A week or a month precision widens the window as matchReports does; 3 days covers a day either
  // side and a publication up to two days after an event.
  const pad = facts.timePrecision === 3 ? 31 : facts.timePrecision === 2 ? 7 : 3;
  const window = { from: shiftDay(sorted[0], -pad), to: shiftDay(sorted[sorted.length - 1], pad) };
  return places.map((p) => ({ ...p, ...window }));
}

async function candidates(reader: StoreReader, facts: ReportFacts): Promise<EventRow[]> {
  const byId = new Map<string, EventRow>();
  for (const f of candidateFilters(facts)) {
    const dated = await reader.listEvents(f, { sort: '-date', limit: CANDIDATES_PER_QUERY });
    for (const e of dated.items) byId.set(e.id, e);
    if (f.from) {
      // Undated events fail any date bound: ask again without it; ascending order lists them first.
      const { from: _from, to: _to, ...rest } = f;
      const undated = await reader.listEvents(rest, { sort: 'date', limit: CANDIDATES_PER_QUERY });
      for (const e of undated.items) if (e.eventDate === null) byId.set(e.id, e);
    }
  }
  return [...byId.values()];
}

export function createCorroborator(opts: CorroboratorOptions = {}): Corroborator {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  return {
    async assign(report: ReportCandidate, reader: StoreReader): Promise<string | null> {
      const facts = factsOfRecord(report.record, report.article.publishedAt);
      const decide = (eventId: string | null, result: MatchResult | null) => {
        opts.onDecision?.({ reportId: report.id, eventId, result });
        return eventId;
      };
      if (!facts.location) return decide(null, null);

      // Another event of the same article is another event: the extractor already merged what it
      // tells twice (same place, day and type), so what it kept apart stays apart.
      const rows = (await candidates(reader, facts))
        .filter((e) => !e.sources.some((s) => s.articleId === report.articleId))
        .map((e) => ({ e, row: matchReports(facts, factsOfEventRow(e), { threshold }) }))
        // The canonical row is the primary report; another report may be closer, so only a place
        // veto (every report of an event sits where its primary does) rules a candidate out here.
        .filter((c) => c.row.veto === null || !c.row.veto.startsWith('place.'))
        .sort((x, y) => y.row.score - x.row.score || x.e.id.localeCompare(y.e.id))
        .slice(0, CANDIDATES_READ);

      let best: { id: string; result: MatchResult; reports: number } | null = null;
      for (const { e } of rows) {
        const detail = await reader.getEvent(e.id);
        if (!detail) continue;
        for (const r of detail.reports) {
          const result = matchReports(facts, factsOfRecord(r.record, r.article.publishedAt), { threshold });
          if (!result.same) continue;
          // Ties go to the event told by more reports, then to the smaller id: the same inputs in
          // the same order always give the same canonical ids.
          const better = !best || result.score > best.result.score
            || (result.score === best.result.score && (detail.reportCount > best.reports || (detail.reportCount === best.reports && e.id < best.id)));
          if (better) best = { id: e.id, result, reports: detail.reportCount };
        }
      }
      return best ? decide(best.id, best.result) : decide(null, null);
    },
  };
}
