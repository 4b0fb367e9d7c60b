/**
 * Vite build of the dashboard. The root is web/; the page imports the
 * isomorphic code in ../shared directly. Workers are ES modules (the parse
 * worker imports the shared parser).
 *
 * The dev server proxies /api and /socket.io to a running miroscope server
 * (MIROSCOPE_SERVER, default http://127.0.0.1:4477, the server's default port) so `vite` can be used
 * against live data; the built page is served by the server itself.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const server = process.env.MIROSCOPE_SERVER ?? 'http://127.0.0.1:4477';

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 4000,
  },
  server: {
    proxy: {
      '/api': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
