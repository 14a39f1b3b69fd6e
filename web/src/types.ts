// The API's answers, as the dashboard reads them (src/store/types.ts and src/server/schemas.ts are
// the source of truth; only what the dashboard uses is written here).

export interface Evidence {
  field: string;
  start: number;
  end: number;
  text: string;
  ruleId: string;
}

export interface SourceRef {
  articleId: string;
  url: string | null;
  outlet: string | null;
  publishedAt: string | null;
}

export interface EventRow {
  id: string;
  eventIdCnty: string;
  eventDate: string | null;
  timePrecision: number;
  disorderType: string;
  eventType: string;
  subEventType: string;
  actor1: string | null;
  actor1Ar: string | null;
  actor2: string | null;
  actor2Ar: string | null;
  inter1: number | null;
  inter2: number | null;
  interaction: number | null;
  civilianTargeting: boolean;
  iso3: string | null;
  country: string | null;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  locationAr: string | null;
  latitude: number | null;
  longitude: number | null;
  geoPrecision: number | null;
  source: string;
  notes: string;
  fatalities: number | null;
  /** ACLED's figure (the lowest stated toll); low/best/high are UCDP's estimates over the sources. */
  fatalitiesLow: number | null;
  fatalitiesBest: number | null;
  fatalitiesHigh: number | null;
  injured: number | null;
  confidence: number;
  conflict: boolean;
  reportCount: number;
  articleUrl: string | null;
  evidence: Evidence[];
  sources: SourceRef[];
}

export interface EventRecord {
  id: string;
  eventType: string;
  subEventType: string;
  rules: Record<string, string>;
  evidence: Evidence[];
  sentence: { start: number; end: number };
  confidence: number;
  fatalities: number | null;
  injured: number | null;
  date: string | null;
  location: { name: string; nameAr: string } | null;
}

export interface Report {
  id: string;
  articleId: string;
  recordId: string;
  record: EventRecord;
  sentence: { start: number; end: number; text: string };
  evidence: Array<Evidence & { excerpt: { start: number; end: number; text: string } }>;
  article: { id: string; url: string | null; outlet: string | null; title: string | null; publishedAt: string | null };
}

export interface EventDetail extends EventRow {
  reports: Report[];
}

export interface Span {
  start: number;
  end: number;
}

export interface ArticleDetail {
  id: string;
  source: string;
  url: string | null;
  canonicalUrl: string | null;
  outlet: string | null;
  title: string | null;
  publishedAt: string | null;
  text: string;
  layers: Record<string, Array<Span & Record<string, unknown>>>;
  reports: Array<{ id: string; recordId: string; eventId: string | null; record: EventRecord }>;
}

export interface EventPage {
  items: EventRow[];
  nextCursor: string | null;
}

export interface PointProperties {
  cluster: false;
  id: string;
  eventType: string;
  subEventType: string;
  fatalities: number | null;
  date: string | null;
  location: string | null;
  locationAr: string | null;
  sample: boolean;
}

export interface ClusterProperties {
  cluster: true;
  clusterId: number;
  count: number;
  fatalities: number;
  types: number[];
  expansionZoom: number;
}

export interface MapFeature {
  type: 'Feature';
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: PointProperties | ClusterProperties;
}

export interface MapAnswer {
  total: number;
  located: number;
  samples: number;
  maxZoom: number;
  features: MapFeature[];
}

export interface Facets {
  total: number;
  located: number;
  samples: number;
  dates: { min: string | null; max: string | null };
  countries: Array<{ name: string; iso3: string | null; count: number }>;
  eventTypes: Array<{ name: string; count: number; subEventTypes: Array<{ name: string; count: number }> }>;
  actors: Array<{ id: string; name: string; nameAr: string | null; count: number }>;
}

export interface TimelinePoint {
  period: string;
  eventType: string;
  events: number;
  fatalities: number;
}

export interface ControlActor {
  name: string;
  nameAr: string | null;
  id: string | null;
  inter: number | null;
}

/** One place of GET /api/control: who held it on the day asked. */
export interface ControlPlace {
  id: string;
  name: string | null;
  nameAr: string | null;
  country: string | null;
  latitude: number | null;
  longitude: number | null;
  holder: ControlActor;
  previousHolder: ControlActor | null;
  since: string;
  eventId: string;
}
