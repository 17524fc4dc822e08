import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The app is built into dist/, which the ERP server serves at /. In `npm run dev` Vite serves
// the app and forwards /api to the server on 8080.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:8080' } },
  preview: { port: 4173, proxy: { '/api': 'http://127.0.0.1:8080' } },
});
