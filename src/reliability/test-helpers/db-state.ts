// What a marsad SQLite file holds, read with plain SQL, for comparing a crashed-and-resumed database
// with a clean one.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';

export interface DbState {
  integrity: string;
  foreignKeyProblems: number;
  articles: number;
  reports: number;
  events: number;
  links: number;
  eventFatalities: number;
  /** url → number of reports stored for that article */
  reportsByUrl: Map<string, number>;
  duplicateUrls: string[];
  /** half-written traces: a report tied to no event, an event with no report */
  unlinkedReports: number;
  emptyEvents: number;
  /** ingest_log rows that say "inserted" */
  loggedInserts: number;
}

const EMPTY: Omit<DbState, 'integrity' | 'reportsByUrl'> = {
  foreignKeyProblems: 0, articles: 0, reports: 0, events: 0, links: 0, eventFatalities: 0,
  duplicateUrls: [], unlinkedReports: 0, emptyEvents: 0, loggedInserts: 0,
};

export function dbState(path: string): DbState {
  // killed before the file was made
  if (!existsSync(path)) return { ...EMPTY, integrity: 'ok', reportsByUrl: new Map() };
  // Read-write, as the next ingest would: opening replays a WAL left by a killed process.
  const raw = new Database(path, { fileMustExist: true });
  try {
    const integrity = String(raw.pragma('integrity_check', { simple: true }));
    // killed before the first migration committed: the file holds no table yet
    if (!raw.prepare("select 1 from sqlite_master where name = 'articles'").get()) return { ...EMPTY, integrity, reportsByUrl: new Map() };
    const n = (sql: string) => (raw.prepare(sql).get() as { n: number | null }).n ?? 0;
    const byUrl = raw.prepare(
      'select a.url as url, (select count(*) from reports r where r.article_id = a.id) as n from articles a',
    ).all() as { url: string; n: number }[];
    return {
      integrity,
      foreignKeyProblems: (raw.pragma('foreign_key_check') as unknown[]).length,
      articles: n('select count(*) n from articles'),
      reports: n('select count(*) n from reports'),
      events: n('select count(*) n from events'),
      links: n('select count(*) n from event_reports'),
      eventFatalities: n('select sum(fatalities) n from events'),
      reportsByUrl: new Map(byUrl.map((r) => [r.url, r.n])),
      duplicateUrls: (raw.prepare('select url from articles group by url having count(*) > 1').all() as { url: string }[]).map((r) => r.url),
      unlinkedReports: n('select count(*) n from reports where id not in (select report_id from event_reports)'),
      emptyEvents: n('select count(*) n from events where id not in (select event_id from event_reports)'),
      loggedInserts: n("select count(*) n from ingest_log where outcome = 'inserted'"),
    };
  } finally {
    raw.close();
  }
}
