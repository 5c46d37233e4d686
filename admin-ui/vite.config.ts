import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Built into admin-ui/dist and served by Strapi at "/" (same origin as /api: no CORS).
export default defineConfig({
  plugins: [react()],
  base: '/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: { '/api': 'http://localhost:1337' },
  },
});
