// One catalogue of stable error and warning codes, shared by the CLI, the pipeline and the API.
// A code never changes meaning once published; add new ones at the end of a group.

export type Severity = 'error' | 'warning' | 'info';

export interface CatalogueEntry {
  severity: Severity;
  /** HTTP status the API answers with when this code ends a request. */
  status: number;
  message: string;
}

export const CATALOGUE = {
  // input
  INPUT_NOT_FOUND: { severity: 'error', status: 404, message: 'input not found' },
  INPUT_UNREADABLE: { severity: 'error', status: 400, message: 'input cannot be read' },
  INPUT_BINARY: { severity: 'error', status: 415, message: 'input looks like binary data, not text' },
  INPUT_BAD_UTF8: { severity: 'error', status: 400, message: 'input is not valid UTF-8' },
  INPUT_EMPTY: { severity: 'error', status: 400, message: 'input text is empty' },
  INPUT_TOO_LARGE: { severity: 'error', status: 413, message: 'input exceeds the size limit' },
  INPUT_BAD_JSON: { severity: 'error', status: 400, message: 'line is not a valid JSON document' },
  INPUT_BAD_DATE: { severity: 'warning', status: 400, message: 'publication date is not YYYY-MM-DD' },
  INPUT_NOT_ARABIC: { severity: 'warning', status: 422, message: 'text is not Arabic; not extracted' },
  // fetching and decoding
  FETCH_FAILED: { severity: 'error', status: 502, message: 'fetch failed' },
  FETCH_TIMEOUT: { severity: 'error', status: 504, message: 'fetch timed out' },
  FETCH_HTTP_STATUS: { severity: 'error', status: 502, message: 'server answered with an error status' },
  FETCH_REFUSED_ADDRESS: { severity: 'error', status: 403, message: 'address refused (private, loopback, link-local or reserved)' },
  FETCH_TOO_MANY_REDIRECTS: { severity: 'error', status: 502, message: 'too many redirects' },
  FETCH_ROBOTS: { severity: 'error', status: 403, message: 'disallowed by robots.txt' },
  FETCH_NOT_HTML: { severity: 'error', status: 415, message: 'content type is not HTML, text or a feed' },
  DECODE_FAILED: { severity: 'error', status: 415, message: 'text encoding could not be decoded' },
  HTML_NO_CONTENT: { severity: 'error', status: 422, message: 'no article content found in the page' },
  FEED_INVALID: { severity: 'error', status: 422, message: 'not a valid RSS, Atom or OPML document' },
  DUPLICATE: { severity: 'info', status: 200, message: 'already ingested' },
  HTML_FALLBACK: { severity: 'warning', status: 200, message: 'article extraction failed; text taken by stripping tags' },
  // extraction
  EXTRACT_FAILED: { severity: 'error', status: 500, message: 'extraction failed' },
  EXTRACT_NO_DATE: { severity: 'info', status: 200, message: 'no publication date; relative dates left unresolved' },
  GEO_UNRESOLVED: { severity: 'warning', status: 200, message: 'place mention could not be geocoded' },
  KNOWLEDGE_INVALID: { severity: 'error', status: 500, message: 'knowledge file failed validation' },
  // API
  AUTH_REQUIRED: { severity: 'error', status: 401, message: 'a bearer token is required' },
  AUTH_INVALID: { severity: 'error', status: 401, message: 'the bearer token is not valid' },
  NOT_FOUND: { severity: 'error', status: 404, message: 'not found' },
  BAD_REQUEST: { severity: 'error', status: 400, message: 'bad request' },
  PAYLOAD_TOO_LARGE: { severity: 'error', status: 413, message: 'request body too large' },
  INTERNAL: { severity: 'error', status: 500, message: 'internal error' },
  AUTH_DISABLED: { severity: 'error', status: 403, message: 'writes are disabled: the server has no token configured' },
  UNSUPPORTED_MEDIA_TYPE: { severity: 'error', status: 415, message: 'request content type is not supported' },
} as const satisfies Record<string, CatalogueEntry>;

export type DiagnosticCode = keyof typeof CATALOGUE;

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** Which stage or component raised it (e.g. "lang/numbers", "ingest/fetch"). */
  source?: string;
  /** Where in the original text, when it concerns a place in it. */
  span?: { start: number; end: number };
}

export function diagnostic(code: DiagnosticCode, detail?: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  const entry = CATALOGUE[code];
  return {
    code,
    severity: entry.severity,
    message: detail ? `${entry.message}: ${detail}` : entry.message,
    ...extra,
  };
}

/** An error carrying a catalogue code; thrown at the edges (CLI, ingest, API), never inside a stage. */
export class MarsadError extends Error {
  readonly code: DiagnosticCode;
  readonly status: number;
  constructor(code: DiagnosticCode, detail?: string, options?: { cause?: unknown }) {
    const entry = CATALOGUE[code];
    super(detail ? `${entry.message}: ${detail}` : entry.message, options);
    this.code = code;
    this.status = entry.status;
    this.name = 'MarsadError';
  }
  toDiagnostic(source?: string): Diagnostic {
    return { code: this.code, severity: CATALOGUE[this.code].severity, message: this.message, source };
  }
}
