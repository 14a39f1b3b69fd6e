// The dashboard's build: web/ → dist/web, served by `marsad serve` (src/server/routes/dashboard.ts).
// Everything it needs at run time (scripts, fonts, basemap data) is emitted into dist/web/assets:
// nothing is fetched from the internet.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/',
  publicDir: false,
  build: {
    outDir: here('../dist/web'),
    emptyOutDir: true,
    target: 'es2022',
    // MapLibre alone is about 900 kB minified; one warning line per build says nothing new.
    chunkSizeWarningLimit: 1500,
    // Basemap JSON stays a file of its own (fetched, cached), never inlined into the script.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    fs: { allow: [here('..')] },
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
