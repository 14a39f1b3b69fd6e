// The app as tests build it: a real SQLite store in a temp dir, the fixture extractor, and a
// minimal real reader that reads text (and refuses to fetch).

import type { FastifyInstance } from 'fastify';
import { MarsadError } from '../../doc/diagnostics.js';
import type { Extractor } from '../../pipeline/types.js';
import { sqliteBackend } from '../../store/test-helpers/backends.js';
import { docIdOf, fixtureExtractor } from '../../store/test-helpers/fixtures.js';
import type { Store } from '../../store/types.js';
import { buildApp } from '../app.js';
import type { ServerConfig } from '../config.js';
import type { ReadArticle } from '../types.js';

export const TOKEN = 'test-token-7f3a';

export const readTextOnly: ReadArticle = async (body) => {
  if (body.url !== undefined) throw new MarsadError('FETCH_FAILED', `this reader does not fetch: ${body.url}`);
  if (body.html !== undefined) throw new MarsadError('HTML_NO_CONTENT', 'this reader reads text only');
  const text = body.text ?? '';
  if (!text.trim()) throw new MarsadError('INPUT_EMPTY');
  return { id: docIdOf(text), text, url: null, publishedAt: body.publishedAt ?? null, title: body.title ?? null, lang: 'ar' };
};

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

export async function testApp(o: { config?: Partial<ServerConfig>; extract?: Extractor; store?: Store } = {}): Promise<TestApp> {
  const store = o.store ?? (await sqliteBackend.open());
  const app = await buildApp({
    store,
    extract: o.extract ?? fixtureExtractor(),
    readArticle: readTextOnly,
    config: { token: TOKEN, logger: false, ...o.config },
  });
  return {
    app,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export const auth = { authorization: `Bearer ${TOKEN}` };
