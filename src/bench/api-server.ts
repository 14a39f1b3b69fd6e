// The API benchmark's server: the real app over a filled SQLite store, on 127.0.0.1 port 0, in a
// worker thread of its own so the load generator (on the main thread) never shares its event loop.
// A worker's entry has to start on load: it posts { url } when listening and closes on any message.
import { parentPort, workerData } from 'node:worker_threads';
import { buildApp } from '../server/app.js';
import { listen } from '../server/listen.js';
import { openSqliteStore } from '../store/sqlite.js';

const port = parentPort;
if (!port) throw new Error('api-server: run me as a worker thread (see ./api.ts)');
const { path, responseCache, readThreads } = workerData as { path: string; responseCache: boolean; readThreads: number };
const unused = () => {
  throw new Error('not served by the API benchmark');
};

// Reads on their own threads, as `marsad serve` runs them (src/cli/server-deps.ts).
const store = await openSqliteStore({ path, readThreads });
const app = await buildApp({ store, extract: unused, readArticle: async () => unused(), config: { logger: false, webRoot: null, docs: false, responseCache } });
const url = await listen(app, { host: '127.0.0.1', port: 0 });
port.postMessage({ url });
port.once('message', () => {
  void app.close().then(() => store.close()).then(() => port.postMessage({ closed: true }));
});
