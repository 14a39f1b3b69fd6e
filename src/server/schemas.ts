// JSON schemas: they validate requests, shape responses and are the OpenAPI document.

import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, SORTS } from '../store/types.js';

const nullable = (type: string) => ({ type: [type, 'null'] });
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const NUM = '-?\\d+(\\.\\d+)?';

/** Filters shared by /api/events, /api/stats/timeline and /api/export. */
export const filterProperties = {
  country: { type: 'string', minLength: 1, maxLength: 100, description: 'Country name, or ISO 3166 alpha-2/alpha-3 code' },
  admin1: { type: 'string', minLength: 1, maxLength: 200 },
  eventType: { type: 'string', minLength: 1, maxLength: 100, description: "ACLED event type, e.g. 'Battles'" },
  subEventType: { type: 'string', minLength: 1, maxLength: 100 },
  actor: { type: 'string', minLength: 1, maxLength: 200, description: 'Actor id, English name or Arabic name' },
  from: { type: 'string', pattern: DATE, description: 'First event date, YYYY-MM-DD (inclusive)' },
  to: { type: 'string', pattern: DATE, description: 'Last event date, YYYY-MM-DD (inclusive)' },
  bbox: { type: 'string', pattern: `^${NUM},${NUM},${NUM},${NUM}$`, description: 'minLon,minLat,maxLon,maxLat' },
  q: { type: 'string', minLength: 1, maxLength: 500, description: 'Full text over the article text, Arabic-folded' },
  minFatalities: { type: 'integer', minimum: 0 },
} as const;

export const eventsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...filterProperties,
    sort: { type: 'string', enum: [...SORTS], default: '-date' },
    limit: { type: 'integer', minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT },
    cursor: { type: 'string', minLength: 1, maxLength: 2000 },
  },
} as const;

export const timelineQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { ...filterProperties, bucket: { type: 'string', enum: ['day', 'week', 'month'], default: 'week' } },
} as const;

export const exportQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['format'],
  properties: { ...filterProperties, format: { type: 'string', enum: ['csv', 'geojson', 'jsonl'] } },
} as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

const evidence = {
  type: 'object',
  properties: {
    field: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' }, ruleId: { type: 'string' },
  },
} as const;

const sourceRef = {
  type: 'object',
  properties: { articleId: { type: 'string' }, url: nullable('string'), outlet: nullable('string'), publishedAt: nullable('string') },
} as const;

const eventRowProperties = {
  id: { type: 'string' },
  eventIdCnty: { type: 'string' },
  eventDate: nullable('string'),
  year: nullable('integer'),
  timePrecision: { type: 'integer' },
  disorderType: { type: 'string' },
  eventType: { type: 'string' },
  subEventType: { type: 'string' },
  actor1: nullable('string'),
  actor1Ar: nullable('string'),
  actor1Id: nullable('string'),
  assocActor1: nullable('string'),
  inter1: nullable('integer'),
  actor2: nullable('string'),
  actor2Ar: nullable('string'),
  actor2Id: nullable('string'),
  assocActor2: nullable('string'),
  inter2: nullable('integer'),
  interaction: nullable('integer'),
  civilianTargeting: { type: 'boolean' },
  iso: nullable('integer'),
  iso3: nullable('string'),
  region: nullable('string'),
  country: nullable('string'),
  admin1: nullable('string'),
  admin2: nullable('string'),
  admin3: nullable('string'),
  location: nullable('string'),
  locationAr: nullable('string'),
  latitude: nullable('number'),
  longitude: nullable('number'),
  geoPrecision: nullable('integer'),
  source: { type: 'string' },
  sourceScale: nullable('string'),
  notes: { type: 'string' },
  fatalities: { ...nullable('integer'), description: "ACLED's conservative figure: the lowest toll a report states (0: no death reported; null: deaths without a number)" },
  fatalitiesLow: { ...nullable('integer'), description: "UCDP's low estimate: the lowest stated toll" },
  fatalitiesBest: { ...nullable('integer'), description: "UCDP's best estimate: the toll most reports state, else their lower median" },
  fatalitiesHigh: { ...nullable('integer'), description: "UCDP's high estimate: the highest stated toll" },
  injured: nullable('integer'),
  confidence: { type: 'number' },
  conflict: { type: 'boolean', description: 'The reports disagree: on the event type, or on the toll (fatalitiesLow ≠ fatalitiesHigh)' },
  reportCount: { type: 'integer' },
  tags: nullable('string'),
  timestamp: { type: 'integer' },
  articleUrl: nullable('string'),
  evidence: { type: 'array', items: evidence },
  sources: { type: 'array', items: sourceRef, description: 'Every article that reports the event, by publication date; each one\'s own figures are in GET /api/events/{id} → reports[].record' },
} as const;

export const eventRow = { $id: 'EventRow', type: 'object', properties: eventRowProperties } as const;

export const eventPage = {
  type: 'object',
  properties: {
    items: { type: 'array', items: { $ref: 'EventRow#' } },
    nextCursor: nullable('string'),
    limit: { type: 'integer' },
    sort: { type: 'string' },
  },
} as const;

const excerpt = { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' } } } as const;

const report = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    articleId: { type: 'string' },
    recordId: { type: 'string' },
    eventId: nullable('string'),
    // The EventRecord as extracted: its shape belongs to the pipeline, passed through whole.
    record: { type: 'object', additionalProperties: true },
    sentence: excerpt,
    evidence: { type: 'array', items: { type: 'object', properties: { ...evidence.properties, excerpt } } },
    article: {
      type: 'object',
      properties: {
        id: { type: 'string' }, url: nullable('string'), outlet: nullable('string'), title: nullable('string'), publishedAt: nullable('string'),
      },
    },
  },
} as const;

export const eventDetail = {
  type: 'object',
  properties: {
    ...eventRowProperties,
    reports: {
      type: 'array', items: report,
      description: 'Every report of the event as its article told it, with its own figures (record.fatalities, record.injured and the rules that read them)',
    },
  },
} as const;

export const articleDetail = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    source: { type: 'string' },
    url: nullable('string'),
    canonicalUrl: nullable('string'),
    outlet: nullable('string'),
    title: nullable('string'),
    publishedAt: nullable('string'),
    fetchedAt: nullable('string'),
    lang: nullable('string'),
    contentHash: { type: 'string' },
    docId: { type: 'string' },
    text: { type: 'string' },
    diagnostics: { type: 'array', items: { type: 'object', additionalProperties: true } },
    layers: { type: 'object', additionalProperties: true, description: 'Every annotation layer: spans into `text`' },
    reports: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' }, recordId: { type: 'string' }, eventId: nullable('string'),
          record: { type: 'object', additionalProperties: true },
        },
      },
    },
    ingestedAt: { type: 'string' },
    updatedAt: { type: 'string' },
  },
} as const;

/** Exactly one of text, html or url. */
const oneInput = [{ required: ['text'] }, { required: ['html'] }, { required: ['url'] }];

export const articleBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1 },
    html: { type: 'string', minLength: 1 },
    url: { type: 'string', pattern: '^https?://', maxLength: 2000 },
    publishedAt: { type: 'string', pattern: DATE },
    title: { type: 'string', maxLength: 1000 },
  },
  oneOf: oneInput,
} as const;

export const extractBody = {
  type: 'object',
  additionalProperties: false,
  properties: {
    text: { type: 'string', minLength: 1 },
    html: { type: 'string', minLength: 1 },
    publishedAt: { type: 'string', pattern: DATE },
    title: { type: 'string', maxLength: 1000 },
  },
  oneOf: oneInput.slice(0, 2),
} as const;

export const saveResult = {
  type: 'object',
  properties: {
    articleId: { type: 'string' },
    status: { type: 'string', enum: ['inserted', 'duplicate', 'updated'] },
    eventIds: { type: 'array', items: { type: 'string' } },
    diagnostics: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

export const timelineResponse = {
  type: 'object',
  properties: {
    bucket: { type: 'string' },
    points: {
      type: 'array',
      items: {
        type: 'object',
        properties: { period: { type: 'string' }, eventType: { type: 'string' }, events: { type: 'integer' }, fatalities: { type: 'integer' } },
      },
    },
    totals: { type: 'object', properties: { events: { type: 'integer' }, fatalities: { type: 'integer' } } },
  },
} as const;

export const statsResponse = {
  type: 'object',
  properties: {
    articles: { type: 'integer' }, reports: { type: 'integer' }, events: { type: 'integer' }, failures: { type: 'integer' },
    lastIngestAt: nullable('string'), schemaVersion: { type: 'integer' },
  },
} as const;

/** The error answers every route may give, for the OpenAPI document. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, { $ref: 'Error#' }]));
}

export const mapQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    ...filterProperties,
    bbox: { ...filterProperties.bbox, description: 'The viewport, minLon,minLat,maxLon,maxLat (default: the world)' },
    zoom: { type: 'number', minimum: 0, maximum: 24, default: 2, description: 'The map zoom level (web mercator)' },
  },
} as const;

export const leavesQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['cluster'],
  properties: {
    ...filterProperties,
    cluster: { type: 'integer', minimum: 0, description: 'A clusterId from /api/map' },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
  },
} as const;

const pointGeometry = {
  type: 'object',
  properties: { type: { type: 'string' }, coordinates: { type: 'array', items: { type: 'number' } } },
} as const;

const pointProperties = {
  type: 'object',
  properties: {
    cluster: { type: 'boolean' },
    id: { type: 'string' },
    eventType: { type: 'string' },
    subEventType: { type: 'string' },
    fatalities: nullable('integer'),
    date: nullable('string'),
    location: nullable('string'),
    locationAr: nullable('string'),
    sample: { type: 'boolean' },
    clusterId: { type: 'integer' },
    count: { type: 'integer' },
    types: { type: 'array', items: { type: 'integer' } },
    expansionZoom: { type: 'integer' },
  },
} as const;

export const mapResponse = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    total: { type: 'integer', description: 'Events matching the filters' },
    located: { type: 'integer', description: 'Of them, events with coordinates' },
    samples: { type: 'integer', description: 'Of them, events from the bundled sample articles' },
    maxZoom: { type: 'integer', description: 'Above this zoom, a cluster holds events at one place' },
    features: {
      type: 'array',
      items: { type: 'object', properties: { type: { type: 'string' }, geometry: pointGeometry, properties: pointProperties } },
    },
  },
} as const;

export const leavesResponse = {
  type: 'object',
  properties: { items: { type: 'array', items: pointProperties } },
} as const;

const counted = { type: 'object', properties: { name: { type: 'string' }, count: { type: 'integer' } } } as const;

export const facetsResponse = {
  type: 'object',
  properties: {
    total: { type: 'integer' },
    located: { type: 'integer' },
    samples: { type: 'integer' },
    dates: { type: 'object', properties: { min: nullable('string'), max: nullable('string') } },
    countries: {
      type: 'array',
      items: { type: 'object', properties: { name: { type: 'string' }, iso3: nullable('string'), count: { type: 'integer' } } },
    },
    eventTypes: {
      type: 'array',
      items: { type: 'object', properties: { ...counted.properties, subEventTypes: { type: 'array', items: counted } } },
    },
    actors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, name: { type: 'string' }, nameAr: nullable('string'), count: { type: 'integer' } },
      },
    },
  },
} as const;

const controlActor = {
  type: 'object',
  properties: { name: { type: 'string' }, nameAr: nullable('string'), id: nullable('string'), inter: nullable('integer') },
} as const;

const controlPlace = {
  type: 'object',
  properties: {
    id: { type: 'string' }, name: nullable('string'), nameAr: nullable('string'), country: nullable('string'), admin1: nullable('string'),
    latitude: nullable('number'), longitude: nullable('number'),
  },
} as const;

const controlPeriod = {
  type: 'object',
  properties: {
    from: { type: 'string', description: 'First day held (the date of the event that opened the period)' },
    to: { ...nullable('string'), description: 'The day the next holder took over (exclusive); null: still held as far as known' },
    holder: controlActor,
    previousHolder: { anyOf: [controlActor, { type: 'null' }] },
    eventId: { type: 'string' },
    subEventType: { type: 'string' },
    eventIds: { type: 'array', items: { type: 'string' } },
    evidence: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          articleId: nullable('string'), eventId: { type: 'string' }, field: { type: 'string' },
          start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' },
        },
      },
    },
  },
} as const;

export const placeControlResponse = {
  type: 'object',
  properties: { place: controlPlace, periods: { type: 'array', items: controlPeriod } },
} as const;

export const controlQuery = {
  type: 'object',
  additionalProperties: false,
  required: ['date'],
  properties: {
    date: { type: 'string', pattern: DATE, description: 'The day, YYYY-MM-DD' },
    country: filterProperties.country,
  },
} as const;

export const controlResponse = {
  type: 'object',
  properties: {
    date: { type: 'string' },
    places: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          ...controlPlace.properties,
          holder: controlActor,
          previousHolder: { anyOf: [controlActor, { type: 'null' }] },
          since: { type: 'string' },
          eventId: { type: 'string' },
        },
      },
    },
  },
} as const;

const count = { type: 'integer', minimum: 0 } as const;

export const statusResponse = {
  type: 'object',
  required: ['mode', 'store', 'queue', 'workers', 'workersAlive', 'note'],
  properties: {
    mode: { type: 'string', enum: ['local', 'queue'], description: 'local: SQLite, ingestion runs inside `marsad ingest`/`watch`; queue: PostgreSQL with a job queue and workers' },
    store: {
      type: 'object',
      properties: {
        dialect: { type: 'string', enum: ['sqlite', 'postgres'] },
        articles: count, events: count,
        failures: { ...count, description: 'Inputs that failed for good (the ingest log), dead letters included' },
        lastIngestAt: nullable('string'), schemaVersion: { type: 'integer' },
      },
    },
    queue: {
      type: ['object', 'null'],
      description: 'Null without a queue (SQLite)',
      properties: {
        jobs: {
          type: 'object',
          description: 'Jobs by state; retrying: queued again after a failure, waiting for their backoff',
          properties: { queued: count, running: count, done: count, dead: count, retrying: count },
        },
        oldestQueuedAt: { ...nullable('string'), description: 'When the oldest job still queued was added: how far behind the workers are' },
        expiredLeases: { ...count, description: 'Running jobs whose worker stopped renewing the lease; queued again at the next sweep' },
        deadLetters: {
          type: 'array',
          description: 'The latest jobs that failed for good (`marsad queue requeue` queues them again)',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' }, kind: { type: 'string', enum: ['fetch', 'extract'] }, key: { type: 'string' }, attempts: count,
              code: nullable('string'), error: nullable('string'), failedAt: nullable('string'),
            },
          },
        },
      },
    },
    workers: {
      type: 'array',
      description: 'Workers that have beaten lately (kept a day), newest first',
      items: {
        type: 'object',
        properties: {
          id: { type: 'string' }, host: { type: 'string' }, pid: { type: 'integer' }, concurrency: { type: 'integer' },
          state: { type: 'string', enum: ['running', 'stopping', 'stopped'] }, inHand: count, done: count, failed: count,
          startedAt: { type: 'string' }, lastSeen: { type: 'string' },
          alive: { type: 'boolean', description: 'Not stopped, and seen in the last 30 s (workers beat every few seconds)' },
        },
      },
    },
    workersAlive: count,
    note: { type: 'string' },
  },
} as const;
