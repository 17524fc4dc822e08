import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

// The app is built into dist/, which the ERP server serves at /. In `npm run dev` Vite serves
// the app and forwards /api to the server on 8080.
export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      // Our own worker (src/app/sw.ts): Workbox precaching plus the Background Sync handler
      // that runs the app's sync engine. Built as a classic script (iife), which every
      // browser with service workers can start.
      strategies: 'injectManifest',
      srcDir: 'src/app',
      filename: 'sw.ts',
      // The app registers the worker itself (workbox-window) to control when updates apply.
      injectRegister: false,
      registerType: 'prompt',
      injectManifest: {
        rollupFormat: 'iife',
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        // Source maps are for debugging, not for the till to download offline.
        globIgnores: ['**/*.map'],
      },
      manifest: {
        name: 'Till — point of sale',
        short_name: 'Till',
        description: 'An offline-first point of sale',
        theme_color: '#14532d',
        background_color: '#f3f4f6',
        display: 'standalone',
        orientation: 'any',
        start_url: '/',
        scope: '/',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      devOptions: { enabled: false },
    }),
  ],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { port: 5173, proxy: { '/api': 'http://127.0.0.1:8080' } },
  preview: { port: 4173, proxy: { '/api': 'http://127.0.0.1:8080' } },
});
