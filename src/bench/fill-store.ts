// A SQLite store of N generated events for the API benchmark, written straight into the tables the
// store's own migrations created: articles (with their full-text rows), reports, canonical events,
// event_reports, actors, event_actors, places, the ingest log and the counters — the rows
// saveArticle would have written for the same documents, without the per-document round trips
// (saveArticle costs ~2.8 ms a document, an hour for a million events; this fills one in minutes).
//
// The data looks like a few years of Arabic conflict news: events spread over 2022–2024 in nine
// countries, weighted like ACLED's MENA coverage; 1–6 events an article (about 2.1); about 8 %
// of events told again by another outlet in the next article (two reports, a fatality range); a
// sentence per report in the article text, with the evidence spans pointing into it; background
// sentences of varied frequency, so a full-text word can be common (غارة) or rare (مستشفى).
// Articles are generated in publication order, as ingestion would meet them. Only `layers` is
// left small ('{}'): no API list reads it, and real layers (~9 KB a document) would only grow the file.
//
// Filled files are kept under os.tmpdir(), named by size, schema version and generator version, so
// a rerun reuses them; files of older versions are deleted when a new one is made.

import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fold } from '../lang/ar/normalize.js';
import { countryTable } from '../store/countries.js';
import { articleId, contentHash, eventIdCnty, eventIdForReport, reportId } from '../store/ids.js';
import { Kysely, SqliteDialect } from 'kysely';
import { MIGRATIONS } from '../store/migrations.js';
import { rebuildEventArticles } from '../store/event-articles.js';
import { rebuildAllRollups } from '../store/rollup.js';
import type { Database as Schema } from '../store/schema.js';
import { openSqliteStore } from '../store/sqlite.js';
import { seededRandom } from './corpus.js';

/** Bump when the generated rows change, so cached files are rebuilt. */
export const GENERATOR_VERSION = 1;

/** The schema version the migrations reach; part of the cache key. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** First day of the generated period and its length: 2022-01-01 … 2024-12-31. */
export const DAY0 = Date.UTC(2022, 0, 1);
export const DAYS = 1096;

/** Articles per write transaction: ~10,000 events, a few MB of pages per commit. */
const ARTICLES_PER_TX = 5000;

// the same deterministic generator (mulberry32) as the bench corpus: the same data on every run
const rng = seededRandom;

function weighted<T>(items: ReadonlyArray<readonly [T, number]>): (r: number) => T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  return (r) => {
    let x = r * total;
    for (const [item, w] of items) if ((x -= w) < 0) return item;
    return items[items.length - 1][0];
  };
}

const day = (n: number) => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10);

interface Actor { id: string; name: string; nameAr: string; inter: number; country: string }
interface Place {
  id: string; name: string; nameAr: string; cc: string; country: string; admin1: string;
  lat: number; lon: number; precision: 1 | 2;
}

// [country, weight, [name, nameAr, admin1, lat, lon]…, armed actors [id, name, nameAr, inter]…]
type CountrySpec = readonly [string, number, ReadonlyArray<readonly [string, string, string, number, number]>, ReadonlyArray<readonly [string, string, string, number]>];
const COUNTRIES: readonly CountrySpec[] = [
  ['SY', 22, [
    ['Aleppo', 'حلب', 'Aleppo', 36.2, 37.16], ['Idlib', 'إدلب', 'Idlib', 35.93, 36.63], ['Ariha', 'أريحا', 'Idlib', 35.81, 36.61],
    ['Deir ez-Zor', 'دير الزور', 'Deir ez-Zor', 35.33, 40.14], ['Daraa', 'درعا', "Dar'a", 32.62, 36.1], ['Raqqa', 'الرقة', 'Ar-Raqqa', 35.95, 39.01],
    ['Homs', 'حمص', 'Homs', 34.73, 36.71],
  ], [
    ['syria-military-2000', 'Military Forces of Syria (2000-2024)', 'قوات النظام السوري', 1], ['hts', 'Hayat Tahrir al-Sham', 'هيئة تحرير الشام', 2],
    ['sdf', 'SDF: Syrian Democratic Forces', 'قوات سوريا الديمقراطية', 2], ['russia-military', 'Military Forces of Russia (2000-)', 'الطيران الروسي', 8],
    ['is-syria', 'Islamic State (Syria)', 'تنظيم الدولة', 2],
  ]],
  ['YE', 18, [
    ["Ta'izz", 'تعز', 'Taizz', 13.58, 44.02], ['Marib', 'مأرب', 'Marib', 15.46, 45.32], ['Al Hudaydah', 'الحديدة', 'Al Hudaydah', 14.8, 42.95],
    ["Sana'a", 'صنعاء', 'Amanat al Asimah', 15.35, 44.21], ['Aden', 'عدن', 'Aden', 12.78, 45.04], ["Sa'dah", 'صعدة', "Sa'dah", 16.94, 43.76],
  ], [
    ['houthi', 'Houthi Movement (Ansar Allah)', 'جماعة الحوثي', 2], ['yemen-military', 'Military Forces of Yemen (2017-)', 'قوات الحكومة اليمنية', 1],
    ['stc', 'Southern Transitional Council', 'المجلس الانتقالي الجنوبي', 2], ['saudi-coalition', 'Saudi-led Coalition', 'التحالف بقيادة السعودية', 8],
  ]],
  ['SD', 15, [
    ['Khartoum', 'الخرطوم', 'Khartoum', 15.5, 32.56], ['Omdurman', 'أم درمان', 'Khartoum', 15.64, 32.48], ['El Fasher', 'الفاشر', 'North Darfur', 13.63, 25.35],
    ['Nyala', 'نيالا', 'South Darfur', 12.05, 24.88], ['Wad Madani', 'ود مدني', 'Al Jazirah', 14.4, 33.52], ['El Obeid', 'الأبيض', 'North Kordofan', 13.18, 30.22],
  ], [
    ['sudan-military', 'Military Forces of Sudan (2019-)', 'الجيش السوداني', 1], ['rsf', 'Rapid Support Forces', 'قوات الدعم السريع', 2],
  ]],
  ['PS', 14, [
    ['Gaza', 'غزة', 'Gaza Strip', 31.5, 34.47], ['Khan Yunis', 'خان يونس', 'Gaza Strip', 31.34, 34.31], ['Rafah', 'رفح', 'Gaza Strip', 31.3, 34.25],
    ['Jenin', 'جنين', 'West Bank', 32.46, 35.3], ['Nablus', 'نابلس', 'West Bank', 32.22, 35.26], ['Tulkarm', 'طولكرم', 'West Bank', 32.31, 35.03],
  ], [
    ['israel-military', 'Military Forces of Israel (2022-)', 'الجيش الإسرائيلي', 8], ['hamas', 'Hamas Movement', 'حركة حماس', 2],
    ['israeli-settlers', 'Israeli settlers', 'المستوطنين', 4],
  ]],
  ['IQ', 8, [
    ['Baghdad', 'بغداد', 'Baghdad', 33.31, 44.37], ['Mosul', 'الموصل', 'Ninewa', 36.34, 43.13], ['Kirkuk', 'كركوك', 'Kirkuk', 35.47, 44.39],
    ['Basra', 'البصرة', 'Basrah', 30.51, 47.78], ['Ramadi', 'الرمادي', 'Anbar', 33.42, 43.3],
  ], [
    ['iraq-military', 'Military Forces of Iraq (2022-)', 'القوات العراقية', 1], ['is-iraq', 'Islamic State (Iraq)', 'داعش', 2],
    ['pmf', 'Popular Mobilization Forces', 'الحشد الشعبي', 3],
  ]],
  ['LB', 7, [
    ['Nabatieh', 'النبطية', 'Nabatiye', 33.38, 35.48], ['Tyre', 'صور', 'South', 33.27, 35.2], ['Baalbek', 'بعلبك', 'Baalbek-Hermel', 34.01, 36.21],
    ['Beirut', 'بيروت', 'Beirut', 33.89, 35.5],
  ], [
    ['israel-military', 'Military Forces of Israel (2022-)', 'الجيش الإسرائيلي', 8], ['hezbollah', 'Hezbollah', 'حزب الله', 2],
  ]],
  ['SO', 7, [
    ['Mogadishu', 'مقديشو', 'Banadir', 2.04, 45.34], ['Kismayo', 'كيسمايو', 'Lower Juba', -0.36, 42.55], ['Baidoa', 'بيدوا', 'Bay', 3.11, 43.65],
  ], [
    ['al-shabaab', 'Al Shabaab', 'حركة الشباب', 2], ['somalia-military', 'Military Forces of Somalia (2022-)', 'الجيش الصومالي', 1],
  ]],
  ['LY', 6, [
    ['Tripoli', 'طرابلس', 'Tripoli', 32.89, 13.19], ['Benghazi', 'بنغازي', 'Benghazi', 32.12, 20.07], ['Misrata', 'مصراتة', 'Misrata', 32.38, 15.09],
    ['Sabha', 'سبها', 'Sabha', 27.04, 14.43],
  ], [
    ['lna', 'Libyan National Army', 'الجيش الوطني الليبي', 1], ['gnu-militias', 'Militias of the Government of National Unity', 'قوات حكومة الوحدة الوطنية', 3],
  ]],
  ['EG', 3, [
    ['Cairo', 'القاهرة', 'Cairo', 30.04, 31.24], ['Al Arish', 'العريش', 'North Sinai', 31.13, 33.8],
  ], [
    ['egypt-military', 'Military Forces of Egypt (2014-)', 'الجيش المصري', 1], ['egypt-police', 'Police Forces of Egypt (2014-)', 'الشرطة المصرية', 1],
  ]],
];

/** Around each city, places named by direction: about 400 places in all, as a gazetteer would give. */
const AROUND: ReadonlyArray<readonly [string, string]> = [
  ['countryside', 'ريف'], ['north', 'شمال'], ['south', 'جنوب'], ['east', 'شرق'], ['west', 'غرب'], ['outskirts', 'أطراف'], ['suburbs', 'ضواحي'], ['vicinity', 'محيط'],
];

// [eventType, subEventType, disorderType, trigger (Arabic), weight]
const TYPES: ReadonlyArray<readonly [string, string, string, string, number]> = [
  ['Explosions/Remote violence', 'Air/drone strike', 'Political violence', 'غارة جوية', 18],
  ['Explosions/Remote violence', 'Shelling/artillery/missile attack', 'Political violence', 'قصف مدفعي', 20],
  ['Explosions/Remote violence', 'Remote explosive/landmine/IED', 'Political violence', 'انفجار عبوة ناسفة', 5],
  ['Battles', 'Armed clash', 'Political violence', 'اشتباكات مسلحة', 20],
  ['Battles', 'Government regains territory', 'Political violence', 'استعادة السيطرة', 2],
  ['Violence against civilians', 'Attack', 'Political violence', 'هجوم مسلح على مدنيين', 8],
  ['Violence against civilians', 'Abduction/forced disappearance', 'Political violence', 'اختطاف', 3],
  ['Protests', 'Peaceful protest', 'Demonstrations', 'تظاهرة سلمية', 14],
  ['Riots', 'Violent demonstration', 'Demonstrations', 'أعمال شغب', 3],
  ['Strategic developments', 'Arrests', 'Strategic developments', 'حملة اعتقالات', 5],
  ['Strategic developments', 'Looting/property destruction', 'Strategic developments', 'عمليات نهب', 2],
];

/** Background sentences and how often an article carries each: full-text words from common to rare. */
const BACKGROUND: ReadonlyArray<readonly [string, number]> = [
  ['وأفاد مراسلنا بأن الوضع الميداني لا يزال متوترا.', 0.3],
  ['ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.', 0.12],
  ['ودعت الأمم المتحدة إلى وقف فوري لإطلاق النار.', 0.1],
  ['وتشهد المنطقة نزوحا واسعا للسكان منذ أسابيع.', 0.08],
  ['ودمرت عدة منازل ومحال تجارية بشكل كامل.', 0.08],
  ['وقال شهود عيان إن سيارات الإسعاف هرعت إلى المكان.', 0.07],
  ['وتحدثت مصادر أهلية عن انقطاع الكهرباء والماء.', 0.06],
  ['وسط تحليق مكثف لطائرات الاستطلاع في أجواء المنطقة.', 0.06],
  ['ونقل الجرحى إلى مستشفى قريب لتلقي العلاج.', 0.05],
  ['وأغلقت السلطات الطرق المؤدية إلى المدينة.', 0.05],
  ['وتأتي هذه التطورات وسط جهود دبلوماسية للتوصل إلى هدنة.', 0.04],
  ['وأعلنت منظمة إنسانية تعليق عملها في المنطقة.', 0.03],
];

const OUTLETS = ['وكالة الاختبار', 'صحيفة القياس', 'موقع المرصد التجريبي', 'قناة المعيار', 'جريدة العينة', 'شبكة الرصد', 'إذاعة النموذج', 'نشرة المحاكاة'];
/** 7 is prime to 8: consecutive articles always come from different outlets (a retelling is another outlet's). */
const outletOf = (i: number) => OUTLETS[(i * 7 + 3) % OUTLETS.length];
const urlOf = (i: number) => `https://bench.invalid/${(i * 7 + 3) % OUTLETS.length}/${i}`;

/** [phrase, days before publication] */
const WHEN: ReadonlyArray<readonly [string, number]> = [['صباح اليوم', 0], ['مساء أمس', 1], ['فجر اليوم', 0], ['ليلة أمس', 1]];

const EVENTS_PER_ARTICLE = weighted<number>([[1, 45], [2, 25], [3, 15], [4, 8], [5, 4], [6, 3]]);
/** Share of events told again by another outlet in the next article. */
const RETOLD = 0.08;
/** Share of events whose date the extractor could not fix. */
const UNDATED = 0.01;

interface World {
  countries: ReadonlyArray<{ cc: string; iso3: string; numeric: number; name: string; region: string; places: Place[]; armed: Actor[]; civilians: Actor; protesters: Actor }>;
  pickCountry: (r: number) => number;
  pickType: (r: number) => readonly [string, string, string, string, number];
  actors: Actor[];
  places: Place[];
}

function world(): World {
  const table = countryTable();
  const actors = new Map<string, Actor>();
  const places: Place[] = [];
  const countries = COUNTRIES.map(([cc, , cities, armed]) => {
    const c = table.lookup(cc);
    if (!c) throw new Error(`fill-store: unknown country ${cc}`);
    const own: Place[] = [];
    for (const [name, nameAr, admin1, lat, lon] of cities) {
      const base = places.length + own.length;
      own.push({ id: `bench:${base}`, name, nameAr, cc, country: c.name, admin1, lat, lon, precision: 1 });
      AROUND.forEach(([en, ar], k) => {
        // Deterministic spots 0.1–0.35° from the city, one per direction.
        const angle = (k / AROUND.length) * 2 * Math.PI + 0.3;
        const dist = 0.1 + 0.03 * k;
        own.push({
          id: `bench:${base}:${k}`, name: `${name} ${en}`, nameAr: `${ar} ${nameAr}`, cc, country: c.name, admin1,
          lat: Math.round((lat + dist * Math.sin(angle)) * 1e5) / 1e5, lon: Math.round((lon + dist * Math.cos(angle)) * 1e5) / 1e5, precision: 2,
        });
      });
    }
    places.push(...own);
    const mk = (id: string, name: string, nameAr: string, inter: number): Actor => {
      const a = actors.get(id) ?? { id, name, nameAr, inter, country: cc };
      actors.set(id, a);
      return a;
    };
    return {
      cc, iso3: c.alpha3, numeric: c.numeric, name: c.name, region: c.region, places: own,
      armed: armed.map(([id, name, nameAr, inter]) => mk(id, name, nameAr, inter)),
      civilians: mk(`civilians-${cc.toLowerCase()}`, `Civilians (${c.name})`, 'مدنيين', 7),
      protesters: mk(`protesters-${cc.toLowerCase()}`, `Protesters (${c.name})`, 'متظاهرين', 6),
    };
  });
  return {
    countries,
    pickCountry: weighted(COUNTRIES.map(([, w], i) => [i, w] as const)),
    pickType: weighted(TYPES.map((t) => [t, t[4]] as const)),
    actors: [...actors.values()],
    places,
  };
}

interface GenEvent {
  type: readonly [string, string, string, string, number];
  place: Place;
  country: World['countries'][number];
  actor1: Actor | null;
  actor2: Actor | null;
  date: string | null;
  when: string;
  fatalities: number;
  injured: number | null;
  /** The second report's fatality count, when the next article tells it again. */
  retold: number | null;
}

interface ReportDraft { event: GenEvent; eventId: string; first: boolean; fatalities: number; confidence: number }

function sentenceOf(e: GenEvent, fatalities: number): { text: string; spans: Array<{ field: string; start: number; end: number; ruleId: string }> } {
  const spans: Array<{ field: string; start: number; end: number; ruleId: string }> = [];
  let text = '';
  const put = (s: string, field?: string, ruleId?: string) => {
    if (field) spans.push({ field, start: text.length, end: text.length + s.length, ruleId: ruleId ?? `bench.${field}` });
    text += s;
  };
  put(e.when, 'date', 'date.relative.bench');
  put('، ');
  put(e.type[3], 'eventType', 'trigger.bench');
  if (e.actor1) {
    put(' نفذتها ');
    put(e.actor1.nameAr, 'actor1', 'actor1.bench');
  }
  put(' في ');
  put(e.place.nameAr, 'location', 'place.cue.bench');
  if (fatalities > 0) {
    put('، ما أسفر عن ');
    put(`مقتل ${fatalities}`, 'fatalities', 'casualties.killed.bench');
    put(e.actor2 ? ` من ${e.actor2.nameAr}` : ' أشخاص');
    if (e.injured) put(` وإصابة ${e.injured} آخرين`);
  } else {
    put(' دون أنباء عن ضحايا');
  }
  put('، بحسب مصادر محلية.');
  return { text, spans };
}

export interface FilledStore {
  path: string;
  events: number;
  articles: number;
  /** Seconds the fill took (when the file was made, for a cached one). */
  fillSeconds: number;
  /** True when an earlier run's file was reused. */
  cached: boolean;
}

/** Where the file for `events` events lives (reused across runs while schema and generator stay). */
export function filledStorePath(events: number, dir = tmpdir()): string {
  return join(dir, `marsad-bench-api-${events}-s${SCHEMA_VERSION}-g${GENERATOR_VERSION}.db`);
}

/** The cached store of `events` generated events, filled first when missing. */
export async function filledStore(events: number, opts: { dir?: string; onProgress?: (done: number) => void } = {}): Promise<FilledStore> {
  const dir = opts.dir ?? tmpdir();
  const path = filledStorePath(events, dir);
  // A file is renamed into place only once filled; its note says how long the fill took.
  const note = `${path}.json`;
  if (existsSync(path) && existsSync(note)) {
    const n = JSON.parse(readFileSync(note, 'utf8')) as { events: number; articles: number; fillSeconds: number };
    if (n.events === events) return { path, events, articles: n.articles, fillSeconds: n.fillSeconds, cached: true };
  }
  // A file of this generator at an older schema is brought up to date by the store's own migrations,
  // as a deployed database would be (at 1M, minutes saved over a refill; the migration is tested too).
  const older = readdirSync(dir)
    .map((f) => /^marsad-bench-api-(\d+)-s(\d+)-g(\d+)\.db$/.exec(f))
    .find((m) => m && Number(m[1]) === events && Number(m[2]) < SCHEMA_VERSION && Number(m[3]) === GENERATOR_VERSION && existsSync(join(dir, `${m[0]}.json`)));
  if (older) {
    const from = join(dir, older[0]);
    const n = JSON.parse(readFileSync(`${from}.json`, 'utf8')) as { events: number; articles: number; fillSeconds: number };
    const store = await openSqliteStore({ path: from });
    await store.close();
    for (const ext of ['-wal', '-shm']) rmSync(from + ext, { force: true });
    renameSync(from, path);
    renameSync(`${from}.json`, note);
    return { path, events, articles: n.articles, fillSeconds: n.fillSeconds, cached: true };
  }
  // Files of other schema or generator versions for this size are stale: a few GB each at 1M.
  const prefix = `marsad-bench-api-${events}-`;
  for (const f of readdirSync(dir)) if (f.startsWith(prefix)) rmSync(join(dir, f), { force: true });
  const partial = `${path}.partial`;
  const t0 = performance.now();
  const articles = await fill(partial, events, opts.onProgress);
  const fillSeconds = (performance.now() - t0) / 1000;
  renameSync(partial, path);
  writeFileSync(note, JSON.stringify({ events, articles, fillSeconds }));
  return { path, events, articles, fillSeconds, cached: false };
}

/** Fill a new file at `path` with `events` events; returns the number of articles written. */
export async function fill(path: string, events: number, onProgress?: (done: number) => void): Promise<number> {
  for (const f of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) rmSync(f, { force: true });
  // The schema, exactly as the store makes it.
  const store = await openSqliteStore({ path });
  await store.close();

  const db = new Database(path);
  // One writer, nothing to recover if it dies (the file is renamed into place only when done): no
  // WAL to write everything twice, the rollback journal in memory (OFF is refused in better-sqlite3's
  // defensive mode), no fsync.
  db.pragma('journal_mode = DELETE');
  db.pragma('journal_mode = MEMORY');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('foreign_keys = OFF');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -1000000'); // 1 GB: every index's hot pages stay in memory
  let articles: number;
  try {
    // The migrations' own indexes, dropped while rows go in and built again from their own SQL
    // after: one sorted build each instead of a random insert per row (halves the fill).
    const indexes = db.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null`).all() as Array<{ name: string; sql: string }>;
    for (const { name } of indexes) db.exec(`drop index "${name}"`);
    articles = writeAll(db, world(), events, onProgress);
    for (const { sql } of indexes) db.exec(sql);
  } finally {
    db.close();
  }
  // The timeline rollups and the events by article, counted from the rows written (the store keeps
  // them up to date per document).
  const kdb = new Kysely<Schema>({ dialect: new SqliteDialect({ database: new Database(path) }) });
  try {
    await rebuildAllRollups(kdb);
    await rebuildEventArticles(kdb);
  } finally {
    await kdb.destroy();
  }
  return articles;
}

function writeAll(db: Database.Database, w: World, total: number, onProgress?: (done: number) => void): number {
  const insertArticle = db.prepare(`insert into articles (id, num, doc_id, source, outlet, url, canonical_url, content_hash, title,
    published_at, fetched_at, lang, text, diagnostics, layers, ingested_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertSearch = db.prepare('insert into article_search (rowid, body) values (?, ?)');
  const insertReport = db.prepare(`insert into reports (id, article_id, record_id, ordinal, disorder_type, event_type, sub_event_type,
    actor1, actor2, interaction, civilian_targeting, location, country, event_date, time_precision, fatalities, injured, confidence,
    notes, rules, evidence, sentence_start, sentence_end) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertEvent = db.prepare(`insert into events (id, num, event_id_cnty, event_date, year, time_precision, disorder_type, event_type,
    sub_event_type, actor1, actor1_ar, actor1_id, assoc_actor_1, inter1, actor2, actor2_ar, actor2_id, assoc_actor_2, inter2, interaction,
    civilian_targeting, iso, iso3, region, country, admin1, admin2, admin3, location, location_ar, place_id, latitude, longitude,
    geo_precision, source, source_scale, notes, fatalities, fatalities_low, fatalities_best, fatalities_high, injured, confidence, conflict, report_count,
    tags, timestamp, primary_report_id, article_url, created_at, updated_at)
    values (${new Array(51).fill('?').join(', ')})`);
  const insertEventReport = db.prepare('insert into event_reports (event_id, report_id, added_at) values (?, ?, ?)');
  const insertEventActor = db.prepare('insert into event_actors (event_id, actor_id, role) values (?, ?, ?)');
  const insertLog = db.prepare(`insert into ingest_log (num, at, source, url, outcome, code, message, article_id) values (?, ?, 'bench', ?, 'inserted', null, null, ?)`);

  db.transaction(() => {
    const actor = db.prepare('insert into actors (id, name, name_ar, name_fold, name_ar_fold, inter, country) values (?, ?, ?, ?, ?, ?, ?)');
    for (const a of w.actors) actor.run(a.id, a.name, a.nameAr, fold(a.name), fold(a.nameAr), a.inter, a.country);
    const place = db.prepare('insert into places (id, name, name_ar, country, country_code, admin1, admin2, latitude, longitude) values (?, ?, ?, ?, ?, ?, null, ?, ?)');
    for (const p of w.places) place.run(p.id, p.name, p.nameAr, p.country, p.cc, p.admin1, p.lat, p.lon);
  })();

  const r = rng(20240611);
  const actorJson = (a: Actor | null) => (a ? JSON.stringify({ name: a.name, nameAr: a.nameAr, id: a.id, inter: a.inter, country: a.country }) : null);
  const locationJson = (p: Place) => JSON.stringify({
    name: p.name, nameAr: p.nameAr, country: p.country, countryCode: p.cc, admin1: p.admin1, admin2: null,
    lat: p.lat, lon: p.lon, geoPrecision: p.precision, gazetteerId: p.id,
  });

  let eventsMade = 0;
  let eventNum = 0;
  let articleNum = 0;
  /** Events of the previous article that this one tells again. */
  let carried: ReportDraft[] = [];

  const newEvent = (publishedDay: number, country: World['countries'][number]): GenEvent => {
    const type = w.pickType(r());
    // Cities take most events; the places around them the rest.
    const place = r() < 0.6 ? country.places[Math.floor(r() * (country.places.length / (AROUND.length + 1))) * (AROUND.length + 1)]
      : country.places[Math.floor(r() * country.places.length)];
    const [when, back] = WHEN[Math.floor(r() * WHEN.length)];
    const protest = type[2] === 'Demonstrations';
    const actor1 = protest ? country.protesters : r() < 0.15 ? null : country.armed[Math.floor(r() * country.armed.length)];
    const actor2 = type[0] === 'Violence against civilians' || (type[0] === 'Explosions/Remote violence' && r() < 0.3) ? country.civilians
      : type[0] === 'Battles' ? country.armed.find((a) => a !== actor1) ?? null : null;
    // Most events kill no one or few; a long tail kills many (ACLED's distribution has this shape).
    const lethal = protest ? r() < 0.05 : r() >= 0.55;
    const fatalities = lethal ? 1 + Math.floor(-Math.log(1 - r()) * 6) : 0;
    const injured = r() < 0.4 ? Math.floor(-Math.log(1 - r()) * 8) : null;
    const date = r() < UNDATED ? null : day(Math.max(0, publishedDay - back));
    return { type, place, country, actor1, actor2, date, when, fatalities, injured: injured || null, retold: null };
  };

  let pending = 0;
  const begin = () => db.prepare('begin').run();
  const commit = () => db.prepare('commit').run();
  begin();
  // Until every event is made and the last retellings are told.
  while (eventsMade < total || carried.length > 0) {
    const i = articleNum++;
    const publishedDay = Math.min(DAYS - 1, Math.floor((eventsMade / total) * DAYS));
    const published = day(publishedDay);
    const outlet = outletOf(i);
    const url = urlOf(i);
    const at = `${published}T12:00:00.000Z`;

    const drafts: ReportDraft[] = [...carried];
    carried = [];
    const fresh = eventsMade < total ? Math.min(EVENTS_PER_ARTICLE(r()), total - eventsMade) : 0;
    const next: ReportDraft[] = [];
    // An article reports on one country.
    const country = w.countries[w.pickCountry(r())];
    for (let k = 0; k < fresh; k++) {
      const e = newEvent(publishedDay, country);
      // Told again in the next article (the loop makes one even after the last new event).
      if (r() < RETOLD) {
        e.retold = e.fatalities === 0 ? 0 : Math.max(1, e.fatalities + Math.floor(r() * 5) - 2);
      }
      eventsMade++;
      drafts.push({ event: e, eventId: '', first: true, fatalities: e.fatalities, confidence: 0.85 });
      if (e.retold !== null) next.push({ event: e, eventId: '', first: false, fatalities: e.retold, confidence: 0.7 });
    }
    // Own events first, then the ones retold from the previous article.
    drafts.sort((a, b) => Number(!a.first) - Number(!b.first));

    // The text: one sentence per report, then background sentences.
    const sentences = drafts.map((d) => sentenceOf(d.event, d.fatalities));
    const background = BACKGROUND.filter(([, p]) => r() < p).map(([s]) => s);
    let text = '';
    const offsets: number[] = [];
    for (const s of sentences) {
      if (text) text += ' ';
      offsets.push(text.length);
      text += s.text;
    }
    for (const s of background) text += ' ' + s;
    // A byline with the article's number: two generated articles may otherwise read the same (one hash).
    text += `\n${outlet}، ${published} (${i + 1})`;
    const lead = drafts[0].event;
    const title = `${lead.type[3]} في ${lead.place.nameAr}`;
    const hash = contentHash(text);
    const aid = articleId(url, hash);
    const num = i + 1;
    const docId = `bench-${i}`;
    insertArticle.run(aid, num, docId, 'bench', outlet, url, url, hash, title, published, at, 'ar', text, '[]', '{}', at, at);
    // As searchText() in save-article.ts: title and body, folded.
    insertSearch.run(num, fold(title + '\n' + text));
    insertLog.run(num, at, url, aid);

    drafts.forEach((d, ordinal) => {
      const e = d.event;
      const recordId = `${docId}:e${ordinal}`;
      const rid = reportId(aid, recordId);
      const s = sentences[ordinal];
      const base = offsets[ordinal];
      const evidence = s.spans.map((sp) => ({ field: sp.field, start: base + sp.start, end: base + sp.end, text: text.slice(base + sp.start, base + sp.end), ruleId: sp.ruleId }));
      const rules = Object.fromEntries(s.spans.map((sp) => [sp.field, sp.ruleId]));
      const interaction = e.actor1 ? (e.actor2 ? Math.min(e.actor1.inter, e.actor2.inter) * 10 + Math.max(e.actor1.inter, e.actor2.inter) : e.actor1.inter * 10) : null;
      const civilian = e.type[0] === 'Violence against civilians' ? 1 : 0;
      insertReport.run(rid, aid, recordId, ordinal, e.type[2], e.type[0], e.type[1], actorJson(e.actor1), actorJson(e.actor2), interaction,
        civilian, locationJson(e.place), e.place.country, e.date, e.date ? 1 : 3, d.fatalities, e.injured, d.confidence, '',
        JSON.stringify(rules), JSON.stringify(evidence), base, base + s.text.length);

      if (d.first) {
        const eid = eventIdForReport(rid);
        d.eventId = eid;
        const n = ++eventNum;
        const deaths = e.retold === null ? [e.fatalities] : [e.fatalities, e.retold].sort((x, y) => x - y);
        // The next article's outlet is known now: consecutive articles' outlets are fixed by their index.
        const source = e.retold === null ? outlet : `${outlet}; ${outletOf(i + 1)}`;
        const c = e.country;
        insertEvent.run(eid, n, eventIdCnty(c.iso3, n, eid), e.date, e.date ? Number(e.date.slice(0, 4)) : null, e.date ? 1 : 3,
          e.type[2], e.type[0], e.type[1],
          e.actor1?.name ?? null, e.actor1?.nameAr ?? null, e.actor1?.id ?? null, null, e.actor1?.inter ?? null,
          e.actor2?.name ?? null, e.actor2?.nameAr ?? null, e.actor2?.id ?? null, null, e.actor2?.inter ?? null, interaction,
          civilian, c.numeric, c.iso3, c.region, c.name, e.place.admin1, null, null, e.place.name, e.place.nameAr, e.place.id,
          e.place.lat, e.place.lon, e.place.precision, source, null, '',
          deaths[0], deaths[0], deaths[0], deaths[deaths.length - 1], e.injured, d.confidence, deaths[0] !== deaths[deaths.length - 1] ? 1 : 0,
          deaths.length, null, Math.floor(Date.parse(at) / 1000), rid, url, at, at);
        if (e.actor1) insertEventActor.run(eid, e.actor1.id, 1);
        if (e.actor2) insertEventActor.run(eid, e.actor2.id, 2);
        const again = next.find((x) => x.event === e);
        if (again) again.eventId = eid;
      }
      insertEventReport.run(d.eventId, rid, at);
    });
    carried = next;

    if (++pending >= ARTICLES_PER_TX) {
      commit();
      begin();
      pending = 0;
      onProgress?.(eventsMade);
    }
  }
  db.prepare(`update counters set value = ? where name = 'articles'`).run(articleNum);
  db.prepare(`update counters set value = ? where name = 'ingest_log'`).run(articleNum);
  db.prepare(`update counters set value = ? where name = 'events'`).run(eventNum);
  commit();
  onProgress?.(eventsMade);
  return articleNum;
}
