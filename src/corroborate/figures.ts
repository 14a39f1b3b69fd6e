// A canonical event's fatalities from the tolls its reports state, as UCDP gives them (low, best,
// high) and as ACLED codes them (`fatalities`: the most conservative figure when reports differ).
// Pure: the store calls it whenever an event's reports change (src/store/refresh-event.ts).

/** What one report says about deaths: its number (null: deaths without a number) and the rule behind it. */
export interface ReportedToll {
  fatalities: number | null;
  /** The extraction rule id of the figure (`rules.fatalities`), when known. */
  rule?: string | null;
}

export interface FatalityFigures {
  /** ACLED's figure: the lowest toll a report states (0 when none reports a death, null when deaths have no number). */
  fatalities: number | null;
  /** UCDP's low, best and high estimates over the stated tolls; with none stated, each is `fatalities`. */
  low: number | null;
  best: number | null;
  high: number | null;
  /** Two reports state different tolls. */
  conflict: boolean;
  /** How many reports state a toll. */
  stated: number;
}

/**
 * Zeros that say nothing: no death was mentioned, or the article put its total on another place.
 * Counting them would let one outlet's silence erase another's toll.
 */
const SILENT_RULES = new Set(['fatalities.none-reported', 'fatalities.total-on-first-place']);

/** Whether a report states a toll: a number, and for zero a rule that read it (not mere silence). */
function states(r: ReportedToll): r is ReportedToll & { fatalities: number } {
  if (r.fatalities === null) return false;
  if (r.fatalities > 0) return true;
  return !!r.rule && !SILENT_RULES.has(r.rule);
}

/**
 * low and high are the extremes of the stated tolls; best is the toll most reports state, or on a
 * tie the lower median (with 5, 6 and 7: 6; with 3 and 5: 3 — a figure somebody stated, never an
 * average nobody did). `fatalities` is `low`, ACLED's conservative choice. With no stated toll, all
 * four are null when some report tells of deaths without a number, else 0.
 */
export function fatalityFigures(reports: readonly ReportedToll[]): FatalityFigures {
  const stated = reports.filter(states).map((r) => r.fatalities).sort((a, b) => a - b);
  if (stated.length === 0) {
    const none = reports.length === 0 || reports.some((r) => r.fatalities === null) ? null : 0;
    return { fatalities: none, low: none, best: none, high: none, conflict: false, stated: 0 };
  }
  const count = new Map<number, number>();
  for (const v of stated) count.set(v, (count.get(v) ?? 0) + 1);
  const top = Math.max(...count.values());
  const modes = [...count.entries()].filter(([, n]) => n === top).map(([v]) => v);
  const best = modes.length === 1 ? modes[0] : stated[Math.floor((stated.length - 1) / 2)];
  const low = stated[0];
  const high = stated[stated.length - 1];
  return { fatalities: low, low, best, high, conflict: low !== high, stated: stated.length };
}
