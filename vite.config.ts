import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const API_TARGET = 'http://localhost:3000';

// The web app: index.html at the repo root, code in src/web, built to dist/web which the server serves
// with an SPA fallback. Dev server on 5173 forwards API calls to the server on 3000 (`npm run dev`).
export default defineConfig({
  plugins: [react()],
  publicDir: 'src/web/public',
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // antd is large; pages are split by route, and the shell chunk is what the login page needs.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': API_TARGET,
      '/healthz': API_TARGET,
      '/xapi': API_TARGET,
      // Live co-editing (Hocuspocus) is a websocket on the same server.
      '/collab': { target: 'ws://localhost:3000', ws: true },
    },
  },
});
