// marsad extract FILE... | -        print each document's JSON (events, diagnostics, layers)
// marsad extract --jsonl [FILE...]  read {"id","text","url","publishedAt"} lines, write one result a line
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { documentJson } from '../../doc/document.js';
import { diagnostic, MarsadError } from '../../doc/diagnostics.js';
import type { Extractor } from '../../pipeline/types.js';
import { createExtractor } from '../../pipeline/index.js';
import { errorLine, isIsoDate, MAX_INPUT_BYTES, readTextInput } from '../input.js';

interface ExtractOptions {
  jsonl?: boolean;
  published?: string;
  layers?: boolean;
  pretty?: boolean;
}

export function registerExtract(program: Command, setExit: (code: number) => void): void {
  program
    .command('extract')
    .description('extract events from Arabic text files (or - for stdin) and print the document JSON')
    .argument('[inputs...]', 'text files, or - for standard input')
    .option('--jsonl', 'read JSON Lines {"id","text","url","publishedAt"} and write one result a line')
    .option('--published <date>', 'publication date YYYY-MM-DD, used to resolve relative dates')
    .option('--layers', 'include every annotation layer (tokens, sentences, numbers, places…)')
    .option('--no-pretty', 'print compact JSON')
    .action(async (inputs: string[], opts: ExtractOptions) => {
      if (opts.published !== undefined && !isIsoDate(opts.published)) {
        process.stderr.write(`marsad: --published ${opts.published}: INPUT_BAD_DATE: expected YYYY-MM-DD\n`);
        setExit(2);
        return;
      }
      const extract = createExtractor();
      const failed = opts.jsonl ? await runJsonl(extract, inputs, opts) : await runFiles(extract, inputs, opts);
      if (failed > 0) setExit(1);
    });
}

async function runFiles(extract: Extractor, inputs: string[], opts: ExtractOptions): Promise<number> {
  if (inputs.length === 0) inputs = ['-'];
  let failed = 0;
  const compact = inputs.length > 1 || opts.pretty === false;
  for (const name of inputs) {
    try {
      const text = await readTextInput(name);
      const doc = extract({ id: name === '-' ? 'stdin' : name, text, publishedAt: opts.published ?? null });
      const json = documentJson(doc, { layers: opts.layers ?? !compact });
      process.stdout.write(compact ? `${JSON.stringify(json)}\n` : `${JSON.stringify(json, null, 2)}\n`);
      if (doc.diagnostics.some((d) => d.severity === 'error')) failed++;
    } catch (err) {
      failed++;
      process.stderr.write(`${errorLine(name, err)}\n`);
    }
  }
  return failed;
}

/** Validate one JSON Lines record; throws a MarsadError naming what is wrong. */
function parseRecord(line: string, published?: string) {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch {
    throw new MarsadError('INPUT_BAD_JSON');
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new MarsadError('INPUT_BAD_JSON', 'not an object');
  const r = rec as Record<string, unknown>;
  const id = r.id === undefined || r.id === null ? null : String(r.id);
  if (typeof r.text !== 'string') throw Object.assign(new MarsadError('INPUT_BAD_JSON', 'missing "text"'), { id });
  if (Buffer.byteLength(r.text) > MAX_INPUT_BYTES) throw Object.assign(new MarsadError('INPUT_TOO_LARGE'), { id });
  if (r.text.trim() === '') throw Object.assign(new MarsadError('INPUT_EMPTY'), { id });
  const pub = r.publishedAt ?? published ?? null;
  return {
    id,
    text: r.text,
    url: typeof r.url === 'string' ? r.url : null,
    publishedAt: typeof pub === 'string' && isIsoDate(pub.slice(0, 10)) ? pub.slice(0, 10) : null,
    badDate: pub !== null && !(typeof pub === 'string' && isIsoDate(pub.slice(0, 10))),
  };
}

async function runJsonl(extract: Extractor, inputs: string[], opts: ExtractOptions): Promise<number> {
  if (inputs.length === 0) inputs = ['-'];
  let failed = 0;
  for (const name of inputs) {
    const stream = name === '-' ? process.stdin : createReadStream(name);
    const ready = new Promise<void>((resolve, reject) => {
      if (name === '-') return resolve();
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    try {
      await ready;
    } catch {
      failed++;
      process.stderr.write(`${errorLine(name, new MarsadError('INPUT_NOT_FOUND'))}\n`);
      continue;
    }
    const rl = createInterface({ input: stream, crlfDelay: Infinity });
    let lineNo = 0;
    for await (const line of rl) {
      lineNo++;
      if (line.trim() === '') continue;
      const where = `${name === '-' ? 'stdin' : name}:${lineNo}`;
      try {
        const rec = parseRecord(line, opts.published);
        const doc = extract({ id: rec.id ?? where, text: rec.text, url: rec.url, publishedAt: rec.publishedAt });
        if (rec.badDate) doc.diagnostics.push(diagnostic('INPUT_BAD_DATE', undefined, { source: 'cli' }));
        process.stdout.write(`${JSON.stringify(documentJson(doc, { layers: opts.layers }))}\n`);
      } catch (err) {
        failed++;
        const id = (err as { id?: string | null }).id ?? null;
        process.stderr.write(`${errorLine(id ? `${where} (id ${id})` : where, err)}\n`);
        const d = err instanceof MarsadError ? err.toDiagnostic('cli') : diagnostic('EXTRACT_FAILED', String(err));
        process.stdout.write(`${JSON.stringify({ id: id ?? where, text: null, publishedAt: null, events: [], diagnostics: [d] })}\n`);
      }
    }
  }
  return failed;
}
