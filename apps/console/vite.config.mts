import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by nginx under / with the services under /api/<service>/ (deploy/local/nginx); `vite dev`
// proxies the same paths to an nginx already running (npm run up).
export default defineConfig({
  root: 'apps/console',
  base: '/',
  plugins: [react()],
  // The one pure module of libs/domain the console runs (the petition form's rule: 集体访 threshold, representatives),
  // by the same name as in tsconfig.base.json; never the domain's index (zod, the calendar's data).
  resolve: {
    alias: { '@sunshine/domain/forms': fileURLToPath(new URL('../../libs/domain/src/taxonomy/forms.taxonomy.ts', import.meta.url)) },
  },
  build: {
    outDir: '../../dist/apps/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
