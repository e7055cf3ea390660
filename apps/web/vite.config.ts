import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Paths are relative to this folder (Vite's root), so `vite build apps/web` from the repo root
// and `npm run build -w apps/web` give the same apps/web/dist.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // Keep the browser's Host header (no changeOrigin) so the server's Origin check sees a
    // same-origin request during development.
    proxy: { '/api': { target: 'http://127.0.0.1:5300' } },
  },
  preview: {
    proxy: { '/api': { target: 'http://127.0.0.1:5300' } },
  },
});
