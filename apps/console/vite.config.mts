import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by nginx under / with the services under /api/<service>/ (deploy/local/nginx); `vite dev`
// proxies the same paths to an nginx already running (npm run up).
export default defineConfig({
  root: 'apps/console',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/apps/console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1600,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8080' } },
});
