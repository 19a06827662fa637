#!/usr/bin/env node
// Weighs the built site as a reader's browser loads it: serves build/ (scripts/serve.mjs, gzip like a
// static host), opens pages in Debian's Chromium with an empty cache, and prints every page's transfer
// (compressed bytes on the wire) and decoded size, and the size of the built CSS.
//   node scripts/weigh.mjs [/docs/schedules/cosine-annealing ...]   (default: the cosine page and the home page)
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { BUILD_DIR, startServer } from './serve.mjs';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The built CSS files and their total size in bytes. */
export function cssSize(build = BUILD_DIR) {
  const dir = join(build, 'assets', 'css');
  const files = readdirSync(dir).filter((f) => f.endsWith('.css'));
  return { files, bytes: files.reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) };
}

/**
 * Loads `path` in `context` and sums what came over the wire: `transferred` (compressed bodies and
 * headers) and `decoded` (bodies as used), after the page is idle.
 */
export async function weighPage(context, url) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const requests = new Map();
  // Prefetches (Docusaurus prefetches the chunks of linked pages when idle) are for the next page: counted apart.
  const prefetch = new Set();
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Other' && /prefetch/i.test(String(e.request.headers['Sec-Purpose'] ?? e.request.headers.Purpose ?? '')) ) prefetch.add(e.requestId);
  });
  cdp.on('Network.responseReceived', (e) => {
    if (!e.response.url.startsWith('data:')) requests.set(e.requestId, { url: e.response.url, prefetch: prefetch.has(e.requestId) || e.type === 'Other', transferred: 0, decoded: 0 });
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.decoded += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (r) r.transferred = e.encodedDataLength;
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  const loadMs = Date.now() - started;
  await page.waitForSelector('html[data-has-hydrated="true"]', { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.close();
  const all = [...requests.values()];
  const list = all.filter((r) => !r.prefetch);
  return {
    loadMs,
    requests: list.length,
    transferred: list.reduce((s, r) => s + r.transferred, 0),
    decoded: list.reduce((s, r) => s + r.decoded, 0),
    prefetched: all.filter((r) => r.prefetch).reduce((s, r) => s + r.transferred, 0),
    list: all,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/docs/schedules/cosine-annealing', '/'];
  const css = cssSize();
  console.log(`built CSS: ${css.bytes} bytes (${css.files.join(', ')})`);
  const server = await startServer();
  const dir = mkdtempSync(join(tmpdir(), 'anneal-weigh-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  try {
    for (const path of paths) {
      const w = await weighPage(context, server.url + path);
      console.log(`${path}: ${w.requests} requests, ${w.transferred} bytes transferred (${w.decoded} decoded), load event after ${w.loadMs} ms; ${w.prefetched} bytes prefetched for linked pages`);
      if (process.env.VERBOSE) for (const r of w.list.sort((a, b) => b.transferred - a.transferred)) console.log(`  ${String(r.transferred).padStart(8)} ${String(r.decoded).padStart(8)} ${r.prefetch ? 'prefetch ' : ''}${r.url.replace(server.url, '')}`);
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
