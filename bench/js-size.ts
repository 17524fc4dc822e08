// The app's initial JavaScript: every script and module preload that dist/index.html names,
// gzipped (level 9, what a static server or CDN would send), in bytes.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface JsSize {
  files: { path: string; raw: number; gzip: number }[];
  gzip: number;
  /** The app's other chunks (lazy screens), not loaded before the first paint. */
  later: { files: number; gzip: number };
}

export function initialJs(distDir: string): JsSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) if (m[1]) refs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    if (m[1]) refs.add(m[1]);
  const files = [...refs]
    .filter((r) => !/^https?:/.test(r))
    .map((path) => {
      const body = readFileSync(join(distDir, path.replace(/^\//, '')));
      return { path, raw: body.length, gzip: gzipSync(body, { level: 9 }).length };
    });
  const initial = new Set(files.map((f) => f.path.replace(/^\//, '')));
  const others = readdirSync(join(distDir, 'assets'))
    .map((name) => `assets/${name}`)
    .filter((path) => path.endsWith('.js') && !initial.has(path));
  const later = {
    files: others.length,
    gzip: others.reduce(
      (a, p) => a + gzipSync(readFileSync(join(distDir, p)), { level: 9 }).length,
      0,
    ),
  };
  return { files, gzip: files.reduce((a, f) => a + f.gzip, 0), later };
}
