#!/usr/bin/env node
// A small static file server for the built site (build/), used by the browser tests and by
// `pnpm --filter @anneal/site serve`. Serves `/path` from `path.html` or `path/index.html`,
// and build/404.html with status 404 for anything else. Listens on 127.0.0.1 only. Text (HTML, JS,
// CSS, JSON, SVG, XML) is sent gzip-compressed to clients that accept it, as static hosts do, so what
// the browser tests and scripts/weigh.mjs measure is what a reader downloads.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BUILD_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'build');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml)|image\/svg\+xml)/;
/** gzip bodies by file, compressed once. */
const gzipped = new Map();

async function isFile(path) {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The file that answers `pathname`, or null. */
async function resolveFile(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const path = normalize(join(root, decoded));
  if (path !== root && !path.startsWith(root + sep)) return null;
  for (const candidate of [path, `${path}.html`, join(path, 'index.html')]) {
    if (await isFile(candidate)) return candidate;
  }
  return null;
}

/**
 * Starts the server on 127.0.0.1. `port` 0 picks a free port.
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startServer({ root = BUILD_DIR, port = 0 } = {}) {
  const base = normalize(root);
  const server = createServer(async (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    const file = await resolveFile(base, pathname);
    const status = file === null ? 404 : 200;
    const body = file === null ? await readFile(join(base, '404.html')).catch(() => 'Not found') : await readFile(file);
    const type = file === null ? TYPES['.html'] : (TYPES[extname(file)] ?? 'application/octet-stream');
    const headers = { 'content-type': type, 'cache-control': 'no-cache', vary: 'accept-encoding' };
    let payload = body;
    if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      const key = file ?? '404';
      if (!gzipped.has(key)) gzipped.set(key, gzipSync(body, { level: 9 }));
      payload = gzipped.get(key);
      headers['content-encoding'] = 'gzip';
    }
    headers['content-length'] = String(Buffer.byteLength(payload));
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : payload);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const port = Number(process.env.PORT ?? 3000);
  if (!(await isFile(join(BUILD_DIR, 'index.html')))) {
    console.error('serve: build/index.html is missing; run `pnpm --filter @anneal/site build` first.');
    process.exit(1);
  }
  const { url } = await startServer({ port });
  console.log(`anneal docs: ${url}/ (Ctrl-C to stop)`);
}
