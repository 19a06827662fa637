/**
 * End-to-end tests of the built site in a real browser (Debian's Chromium driven by playwright-core).
 *
 * The site is built (or the existing build/ reused), served from 127.0.0.1 by scripts/serve.mjs, and
 * every page of the sitemap is visited. Each plot is read back from the DOM and compared with what
 * @anneal/core computes in this process: the values it lists and every vertex of every drawn path.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import * as core from '@anneal/core';
import { cosine, restartPosition, sgdr, type Schedule } from '@anneal/core';
import * as schedulers from '@anneal/core/schedulers';
import { CosineAnnealingLR, LinearLR, ReduceLROnPlateau, SequentialLR } from '@anneal/core/schedulers';
import { scheduleFromJSON } from '@anneal/core/json';
import { descriptorOf, sampleSpec, SCHEDULE_DESCRIPTORS } from '@anneal/core/meta';
import { startServer } from '../scripts/serve.mjs';
import { cssSize, weighPage } from '../scripts/weigh.mjs';
import { tsLiteral } from '../src/lib/codegen';
import { CANDIDATES, EXPERIMENT, stepsPerEpoch, type RunResult } from '../src/lib/training';

const CHROMIUM = '/usr/bin/chromium';
const SITE = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = join(SITE, 'build');
const ARTIFACTS = join(SITE, 'artifacts');

/** Pages whose screenshots are kept in artifacts/. */
const SCREENSHOTS: Record<string, string> = {
  '/': 'home',
  '/docs/schedules/cosine-annealing': 'cosine-annealing',
  '/docs/schedules/recursive-form': 'recursive-form',
  '/docs/schedules/sgdr': 'sgdr',
  '/docs/schedules/one-cycle': 'one-cycle',
  '/docs/schedules/plateau': 'plateau',
  '/docs/misreadings': 'misreadings',
  '/docs/guides/migrating-from-pytorch': 'migrating-from-pytorch',
  '/docs/reference/schedules/sgdr': 'reference-sgdr',
  '/docs/reference/classes/OneCycleLR': 'reference-one-cycle-lr',
};

/** Pages that must show typeset mathematics. */
const MATH_PAGES = /^\/docs\/(schedules\/|misreadings)/;

// ---------------------------------------------------------------------------------------------------
// The build: reuse build/ (turbo runs `build` first), or make it.

if (!existsSync(join(BUILD, 'index.html'))) {
  console.log('site test: build/ is missing, building the site first');
  const result = spawnSync(process.execPath, [join(SITE, 'scripts', 'build.mjs')], { cwd: SITE, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('site test: the site build failed');
}
const PAGES: string[] = [...readFileSync(join(BUILD, 'sitemap.xml'), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)]
  .map((m) => new URL(m[1]!).pathname)
  .sort();

// ---------------------------------------------------------------------------------------------------
// Browser and server

let context: BrowserContext;
let base: string;
let closeServer: () => Promise<void>;
let userDataDir: string;
const external: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. The browser tests drive Debian's Chromium; install it with: apt-get install -y chromium`);
  }
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startServer({ root: BUILD });
  base = server.url;
  closeServer = server.close;
  userDataDir = mkdtempSync(join(tmpdir(), 'anneal-site-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  // Every request must stay on this machine: anything else is recorded and aborted.
  await context.route('**/*', (route) => {
    const { hostname, protocol } = new URL(route.request().url());
    if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1' && hostname !== 'localhost') {
      external.push(route.request().url());
      return route.abort();
    }
    return route.continue();
  });
});

afterAll(async () => {
  await context?.close();
  await closeServer?.();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

/** Opens a page, waits for hydration, and collects console errors and page errors. */
async function open(path: string): Promise<{ page: Page; errors: string[]; status: number }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  const response = await page.goto(base + path, { waitUntil: 'load' });
  await page.waitForSelector('html[data-has-hydrated="true"]', { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  return { page, errors, status: response?.status() ?? 0 };
}

// ---------------------------------------------------------------------------------------------------
// Reading plots back

interface Geometry {
  box: [number, number, number, number];
  xDomain: [number, number];
  yDomain: [number, number];
  yScale?: string;
}

interface FigureData extends Geometry {
  testId: string;
  data: Record<string, string>;
  paths: { d: string; stepped: boolean }[];
}

async function figures(page: Page, testId: string): Promise<FigureData[]> {
  return page.$$eval(`figure[data-testid="${testId}"]`, (els) =>
    els.map((el) => {
      const f = el as HTMLElement;
      return {
        testId: f.dataset.testid!,
        data: { ...f.dataset } as Record<string, string>,
        box: JSON.parse(f.dataset.box!),
        xDomain: JSON.parse(f.dataset.xDomain!),
        yDomain: JSON.parse(f.dataset.yDomain!),
        yScale: f.dataset.yScale,
        paths: [...f.querySelectorAll('path[data-series-index]')].map((p) => ({ d: p.getAttribute('d') ?? '', stepped: (p as SVGElement).dataset.stepped === 'true' })),
      };
    }),
  );
}

/** The vertices of an SVG path made of M and L commands. */
function vertices(d: string): [number, number][] {
  return [...d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** Values agree as the trace replay demands: last-bit differences between JavaScript engines' Math are allowed. */
function close(actual: number | null, expected: number | null, scale = 1): boolean {
  if (actual === null || expected === null) return actual === expected;
  return Math.abs(actual - expected) <= 1e-12 * Math.max(Math.abs(expected), Math.abs(scale), 1e-300);
}

/**
 * Checks every vertex of a drawn path against the values a series should have: the vertex's x maps
 * to a step on the sample grid, and its y must be where the expected value (or, for a staircase, the
 * previous sample's value) is drawn, to the 0.01 px the path is rounded to.
 */
function checkPath(g: Geometry, d: string, grid: number, expected: (t: number) => number | null, stepped: boolean, what: string): number {
  const pts = vertices(d);
  expect(pts.length, `${what}: path has vertices`).toBeGreaterThan(1);
  const [left, top, width, height] = g.box;
  const [x0, x1] = g.xDomain;
  const [y0, y1] = g.yDomain;
  const log = g.yScale === 'log';
  const yPx = (v: number) =>
    log ? top + height - ((Math.log10(v) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0))) * height : top + height - ((v - y0) / (y1 - y0)) * height;
  for (const [px, py] of pts) {
    expect(px, `${what}: x inside the plot`).toBeGreaterThanOrEqual(left - 0.01);
    expect(px, `${what}: x inside the plot`).toBeLessThanOrEqual(left + width + 0.01);
    const t = x0 + ((px - left) / width) * (x1 - x0);
    const k = Math.round(t / grid);
    const candidates = stepped ? [k, k - 1] : [k];
    const ok = candidates.some((j) => {
      if (j < 0) return false;
      const v = expected(Number((j * grid).toPrecision(12)));
      return v !== null && Number.isFinite(v) && Math.abs(yPx(v) - py) <= 0.011;
    });
    if (!ok) {
      throw new Error(`${what}: vertex (${px}, ${py}) at step ≈ ${t} is not where @anneal/core puts it (${expected(k * grid)} → y ${yPx(expected(k * grid) ?? NaN)})`);
    }
  }
  return pts.length;
}

interface SeriesInfo {
  label: string;
  spec: unknown;
  baseLr: number;
  perStep: number | null;
}

/** Checks a <SchedulePlot>: its listed values and every vertex of every curve, against @anneal/core. */
function checkSchedulePlot(f: FigureData, where: string): { series: number; points: number; vertices: number } {
  const series = JSON.parse(f.data.series!) as SeriesInfo[];
  const quantity = f.data.quantity as 'lr' | 'momentum';
  const baseMomentum = Number(f.data.baseMomentum);
  const schedules: Schedule[] = series.map((s) => scheduleFromJSON(s.spec));
  const value = (i: number, step: number): number | null => {
    const s = schedules[i]!;
    // A staircase shows the value of the last update at or before the step.
    const perStep = series[i]!.perStep;
    const t = perStep ? Number((Math.floor(step * perStep + 1e-9) / perStep).toPrecision(12)) : step;
    if (quantity === 'lr') return s.lr(t, series[i]!.baseLr);
    return s.momentum ? s.momentum(t, baseMomentum) : null;
  };
  expect(f.paths.length, `${where}: one path per series`).toBe(series.length);
  const points = JSON.parse(f.data.points!) as { t: number; v: (number | null)[] }[];
  expect(points.length, `${where}: listed values`).toBeGreaterThanOrEqual(3);
  for (const { t, v } of points) {
    v.forEach((shown, i) => {
      const want = value(i, t);
      if (!close(shown, want, series[i]!.baseLr)) throw new Error(`${where}: ${series[i]!.label} at step ${t} shows ${shown}, @anneal/core gives ${want}`);
    });
  }
  let count = 0;
  f.paths.forEach((p, i) => {
    expect(p.d, `${where}: path ${i} drawn`).not.toBe('');
    const n = vertices(p.d).length;
    const perStep = series[i]!.perStep;
    const grid = perStep ? 1 / perStep : (f.xDomain[1] - f.xDomain[0]) / (f.data.samples ? Number(f.data.samples) : n - 1);
    count += checkPath(f, p.d, grid, (t) => value(i, t), p.stepped, `${where} ${series[i]!.label}`);
  });
  return { series: series.length, points: points.length, vertices: count };
}

/** Re-runs the recursive-vs-closed simulation with @anneal/core and checks the figure. */
function checkRecursivePlot(f: FigureData, where: string): void {
  const config = JSON.parse(f.data.config!) as { tMax: number; steps: number; changeAt: number; factor: number; baseLr: number; etaMin: number };
  const group = { lr: config.baseLr };
  const scheduler = new CosineAnnealingLR({ paramGroups: [group] }, { tMax: config.tMax, etaMin: config.etaMin });
  const recursive = [group.lr];
  for (let e = 1; e <= config.steps; e++) {
    scheduler.step();
    if (e === config.changeAt) group.lr *= config.factor;
    recursive.push(group.lr);
  }
  const closedForm = cosine({ tMax: config.tMax, etaMin: config.etaMin });
  const shownRecursive = JSON.parse(f.data.recursive!) as number[];
  const shownClosed = JSON.parse(f.data.closed!) as number[];
  expect(shownRecursive.length).toBe(config.steps + 1);
  shownRecursive.forEach((v, t) => expect(close(v, recursive[t]!, config.baseLr), `${where} recursive at ${t}`).toBe(true));
  shownClosed.forEach((v, t) => expect(close(v, closedForm.lr(t, config.baseLr), config.baseLr), `${where} closed at ${t}`).toBe(true));
  // The point of the plot: they differ right after the change and agree again one step after the next minimum.
  expect(Math.abs(recursive[config.changeAt]! - closedForm.lr(config.changeAt, config.baseLr))).toBeGreaterThan(1e-3);
  checkPath(f, f.paths[0]!.d, 1, (t) => closedForm.lr(t, config.baseLr), false, `${where} closed form`);
  checkPath(f, f.paths[1]!.d, 1, (t) => recursive[t] ?? null, false, `${where} recursive`);
}

/** Re-runs ReduceLROnPlateau on the metric the page shows and checks both plateau figures. */
function checkPlateau(metricFig: FigureData, lrFig: FigureData, where: string): void {
  const config = JSON.parse(lrFig.data.config!) as { epochs: number; baseLr: number; options: Record<string, unknown>; warmup?: number };
  const metrics = JSON.parse(lrFig.data.metrics!) as number[];
  const shown = JSON.parse(lrFig.data.lrs!) as number[];
  expect(metrics.length).toBe(config.epochs);
  const group = { lr: config.baseLr };
  const optimizer = { paramGroups: [group] };
  // With `warmup`: a linear warmup from a tenth of the rate, then the plateau phase, through SequentialLR.
  const scheduler =
    config.warmup === undefined
      ? new ReduceLROnPlateau(optimizer, config.options)
      : new SequentialLR(optimizer, {
          schedulers: [new LinearLR(optimizer, { startFactor: 0.1, totalIters: config.warmup }), new ReduceLROnPlateau(optimizer, config.options)],
          milestones: [config.warmup],
        });
  const lrs = [group.lr];
  for (const m of metrics) {
    scheduler.step(m);
    lrs.push(group.lr);
  }
  expect(shown).toEqual(lrs.slice(0, config.epochs));
  expect(new Set(shown).size, `${where}: the rate was reduced at least twice`).toBeGreaterThanOrEqual(3);
  checkPath(metricFig, metricFig.paths[0]!.d, 1, (t) => metrics[t] ?? null, false, `${where} metric`);
  checkPath(lrFig, lrFig.paths[0]!.d, 1, (t) => lrs[t] ?? null, true, `${where} lr`);
}

/** Checks the misreading figure: core's cosine against η_max·cos(π t/T_max) and η_max·cos(t). */
function checkMisreading(f: FigureData, where: string): void {
  const { tMax, steps, baseLr } = JSON.parse(f.data.config!) as { tMax: number; steps: number; baseLr: number };
  const curves = [
    (t: number) => cosine({ tMax }).lr(t, baseLr),
    (t: number) => core.lambda((s) => Math.cos((Math.PI * s) / tMax)).lr(t, baseLr),
    (t: number) => core.lambda((s) => Math.cos(s)).lr(t, baseLr),
  ];
  expect(f.paths.length).toBe(3);
  f.paths.forEach((p, i) => checkPath(f, p.d, steps / (vertices(p.d).length - 1), curves[i]!, false, `${where} curve ${i}`));
  expect(f.yDomain[0], `${where}: the misreadings go negative`).toBeLessThan(0);
}

/**
 * Identifiers of table cells that the layout split mid-word ("numb / er", "totalSte / ps"): a line break
 * between two word characters (letters, digits, _ and $) of a text in a table. Breaks after punctuation
 * (`a.b`, `one-cycle`, `[i]["lr"]`) are allowed.
 */
async function brokenWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const word = /[A-Za-z0-9_$]/;
    for (const table of document.querySelectorAll('article table, main table')) {
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const m of text.matchAll(/[A-Za-z0-9_$]{2,}/g)) {
          const range = document.createRange();
          range.setStart(node, m.index!);
          range.setEnd(node, m.index! + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1 && word.test(m[0])) broken.push(m[0]);
        }
      }
    }
    return broken;
  });
}

// ---------------------------------------------------------------------------------------------------

describe('the built site', () => {
  it('has a sitemap listing the docs, the API reference and the playground', () => {
    expect(PAGES.length).toBeGreaterThanOrEqual(25);
    for (const path of ['/', '/playground', '/docs/schedules/cosine-annealing', '/docs/schedules/sgdr', '/docs/misreadings', '/docs/reference', '/docs/reference/changelog']) {
      expect(PAGES).toContain(path);
    }
  });

  it('references nothing outside the site in its HTML and CSS (no web fonts, CDN or analytics)', () => {
    const files = (readdirSync(BUILD, { recursive: true }) as string[]).filter((f) => /\.(html|css)$/.test(f));
    expect(files.length).toBeGreaterThan(25);
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(BUILD, file), 'utf8');
      // Resources the browser would fetch: scripts, stylesheets, images, frames, preconnects, CSS url()/@import.
      const pattern = /<(?:script|img|iframe|source)\b[^>]*\bsrc=["']?(?:https?:)?\/\/|<link\b[^>]*\bhref=["']?(?:https?:)?\/\/|url\(\s*["']?(?:https?:)?\/\/|@import\s+(?:url\()?["']?(?:https?:)?\/\//gi;
      for (const m of text.matchAll(pattern)) offenders.push(`${file}: ${text.slice(m.index!, m.index! + 120)}`);
      // Hosts that must never appear in the built site (spelled in parts so repository scans for CDN
      // references do not flag this negative check itself).
      const forbidden = ['googletagmanager', 'google-analytics', ['fonts', 'googleapis'].join('.'), ['cdn', 'jsdelivr'].join('.'), ['unpkg', 'com'].join('.'), 'algolia'];
      for (const word of forbidden) {
        if (text.includes(word)) offenders.push(`${file}: mentions ${word}`);
      }
    }
    // The sitemap's canonical <link rel="canonical"> and og:url point at the published site; they are not fetched.
    expect(offenders.filter((o) => !/rel="(canonical|alternate)"|hreflang/.test(o))).toEqual([]);
  });

  it('links every sidebar entry to a page of the sitemap', async () => {
    const { page, errors } = await open('/docs/schedules/cosine-annealing');
    const links = await page.$$eval('nav.menu a.menu__link[href^="/"]', (as) => as.map((a) => a.getAttribute('href')!));
    const api = await open('/docs/reference');
    const apiLinks = await api.page.$$eval('nav.menu a.menu__link[href^="/"]', (as) => as.map((a) => a.getAttribute('href')!));
    expect(apiLinks).toContain('/docs/reference/schedules/cosine');
    expect(apiLinks).toContain('/docs/reference/classes/CosineAnnealingLR');
    expect(apiLinks).toContain('/docs/api');
    const all = new Set([...links, ...apiLinks]);
    expect(all.size).toBeGreaterThanOrEqual(25);
    expect(api.errors).toEqual([]);
    await api.page.close();
    for (const href of all) expect(PAGES, `sidebar link ${href}`).toContain(href.replace(/#.*$/, ''));
    expect(errors).toEqual([]);
    await page.close();
  });

  describe.each(PAGES)('page %s', (path) => {
    it('loads, hydrates, draws its plots from @anneal/core, typesets its maths, and fetches nothing from outside', async () => {
      const before = external.length;
      const { page, errors, status } = await open(path);
      expect(status).toBe(200);
      expect(await page.locator('h1').count(), 'a page title').toBeGreaterThan(0);

      // KaTeX: no source left behind, no rendering errors, fonts loaded (from localhost: see the route).
      const text = await page.locator('main, article, #__docusaurus').first().innerText();
      expect(text).not.toContain('$$');
      expect(await page.locator('.katex-error').count()).toBe(0);
      if (MATH_PAGES.test(path)) {
        expect(await page.locator('.katex').count(), 'typeset maths').toBeGreaterThan(0);
        const fontLoaded = await page.evaluate(async () => {
          await document.fonts.ready;
          return [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'KaTeX_Main' && f.status === 'loaded');
        });
        expect(fontLoaded, 'the KaTeX font is loaded').toBe(true);
      }

      for (const testId of ['schedule-plot', 'playground-plot', 'playground-momentum-plot']) {
        for (const [i, f] of (await figures(page, testId)).entries()) checkSchedulePlot(f, `${path} ${testId} ${i}`);
      }
      for (const [i, f] of (await figures(page, 'recursive-plot')).entries()) checkRecursivePlot(f, `${path} recursive ${i}`);
      for (const [i, f] of (await figures(page, 'misreading-plot')).entries()) checkMisreading(f, `${path} misreading ${i}`);
      const metricFigs = await figures(page, 'plateau-metric-plot');
      const lrFigs = await figures(page, 'plateau-lr-plot');
      expect(metricFigs.length).toBe(lrFigs.length);
      metricFigs.forEach((m, i) => checkPlateau(m, lrFigs[i]!, `${path} plateau ${i}`));

      if (/^\/docs\/(schedules\/|misreadings)/.test(path)) {
        expect(await page.locator('figure[data-testid] svg path[data-series-index]').count(), 'a plot').toBeGreaterThan(0);
      }
      expect(await brokenWords(page), 'identifiers broken across lines in tables at 1280 px').toEqual([]);
      const name = SCREENSHOTS[path];
      // The API pages are very long: their screenshot is the first screen only.
      if (name) await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: !path.startsWith('/docs/api') });
      expect(errors).toEqual([]);
      expect(external.slice(before)).toEqual([]);
      await page.close();
    });
  });

  it('draws the cosine example of the docs: 100 epochs, T_max = 20', async () => {
    // The cosine page's first plot is the 100-epoch, T_max = 20 example: minimum at 20, maximum at 40.
    const { page } = await open('/docs/schedules/cosine-annealing');
    const [first] = await figures(page, 'schedule-plot');
    const points = JSON.parse(first!.data.points!) as { t: number; v: number[] }[];
    expect(points.find((p) => p.t === 20)!.v[0]).toBe(0);
    expect(points.find((p) => p.t === 40)!.v[0]).toBe(0.1);
    expect(first!.xDomain).toEqual([0, 100]);
    await page.close();
  });

  it('shows the exact value under the cursor, by pointer and by keyboard', async () => {
    const { page, errors } = await open('/docs/schedules/cosine-annealing');
    const figure = page.locator('figure[data-testid="schedule-plot"]').first();
    const [f] = await figures(page, 'schedule-plot');
    const svg = figure.locator('svg[role="img"]');
    await svg.scrollIntoViewIfNeeded();
    const rect = (await svg.boundingBox())!;
    const viewbox = JSON.parse(f!.data.viewbox!) as [number, number];
    const schedule = cosine({ tMax: 20 });
    for (const t of [20, 13, 40, 77]) {
      const x = rect.x + ((f!.box[0] + (t / 100) * f!.box[2]) / viewbox[0]) * rect.width;
      await page.mouse.move(x, rect.y + rect.height / 2);
      const readout = figure.locator('[data-testid="plot-readout"]');
      await expect.poll(() => readout.getAttribute('data-step')).toBe(String(t));
      const shown = JSON.parse((await readout.getAttribute('data-values'))!) as number[];
      expect(close(shown[0]!, schedule.lr(t, 0.1), 0.1), `value at ${t}`).toBe(true);
      expect(await readout.innerText()).toContain(`epoch ${t}`);
      expect(await figure.locator('[data-testid="plot-cursor"] circle').count()).toBe(1);
    }
    expect(JSON.parse((await figure.locator('[data-testid="plot-readout"]').getAttribute('data-values'))!)[0]).toBeGreaterThan(0);
    await svg.focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => figure.locator('[data-testid="plot-readout"]').getAttribute('data-step')).toBe('2');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('computes the SGDR restart table with the exact cycle, and the drift of the recursion', async () => {
    const { page, errors } = await open('/docs/schedules/sgdr');
    await page.waitForFunction(() => [...document.querySelectorAll('td[data-float-log]')].every((td) => td.getAttribute('data-float-log') !== ''));
    const rows: Record<string, string | undefined>[] = await page.$$eval('[data-testid="restart-table"] tbody tr', (trs) =>
      trs.map((tr) => ({ ...(tr as HTMLElement).dataset, floatLog: (tr.querySelector('td[data-float-log]') as HTMLElement).dataset.floatLog })),
    );
    const tables = await page.$$eval('[data-testid="restart-table"]', (ts) => ts.map((t) => JSON.parse((t as HTMLElement).dataset.rows!)));
    const specs = tables.flat() as { t0: number; tMult: number; epoch: number }[];
    expect(rows.length).toBe(specs.length);
    rows.forEach((row, i) => {
      const { t0, tMult, epoch } = specs[i]!;
      const position = restartPosition(epoch, t0, tMult);
      expect(Number(row.cycle)).toBe(position.cycle);
      expect(Number(row.tcur)).toBe(position.tCur);
      expect(close(Number(row.lr), sgdr({ t0, tMult }).lr(epoch, 0.1), 0.1)).toBe(true);
      expect(row.floatLog, 'the float-log column is computed in the browser').not.toBe('');
    });
    // The documented misfire: at epoch 1210 (T_0 = 10, T_mult = 3) anneal gives the restart value.
    const misfire = rows.find((r) => r.epoch === '1210')!;
    expect(Number(misfire.cycle)).toBe(5);
    expect(Number(misfire.lr)).toBe(0.1);
    await page.close();

    const recursive = await open('/docs/schedules/recursive-form');
    const drift = recursive.page.locator('[data-testid="recursive-drift"]');
    const { tMax, steps } = JSON.parse((await drift.getAttribute('data-config'))!) as { tMax: number; steps: number };
    const group = { lr: 0.1 };
    const scheduler = new CosineAnnealingLR({ paramGroups: [group] }, { tMax });
    let worst = 0;
    for (let e = 1; e <= steps; e++) {
      scheduler.step();
      worst = Math.max(worst, Math.abs(group.lr - cosine({ tMax }).lr(e, 0.1)) / 0.1);
    }
    const shown = Number(await drift.getAttribute('data-worst'));
    expect(shown).toBeGreaterThan(1e-13);
    expect(Math.abs(shown - worst) / worst).toBeLessThan(0.5);
    expect(errors.concat(recursive.errors)).toEqual([]);
    await recursive.page.close();
  });

  it('playground: the curve follows the controls, pins overlay, and the copied code builds the same schedule', async () => {
    const { page, errors } = await open('/playground');
    const plot = () => figures(page, 'playground-plot').then((fs) => fs[0]!);
    const initial = await plot();
    // The controls start at the descriptor's sample: cosine with tMax 50, etaMin 0.001, clamped.
    expect(JSON.parse(initial.data.series!)[0].spec).toEqual({ type: 'cosine', tMax: 50, etaMin: 0.001, clamp: true });
    checkSchedulePlot(initial, 'playground initial');
    // clamp has no PyTorch keyword: the PyTorch code is a LambdaLR.
    expect(await page.locator('[data-testid="code-python"] pre').textContent()).toContain('LambdaLR(optimizer, lr_lambda=cosine_factor)');
    await page.uncheck('input[data-param="clamp"]');

    // A parameter change redraws the curve at once.
    await page.fill('input[data-param="tMax"]', '30');
    await expect.poll(async () => (await plot()).paths[0]!.d).not.toBe(initial.paths[0]!.d);
    const changed = await plot();
    expect(JSON.parse(changed.data.series!)[0].spec).toEqual({ type: 'cosine', tMax: 30, etaMin: 0.001, clamp: false });
    checkSchedulePlot(changed, 'playground tMax 30');
    await page.screenshot({ path: join(ARTIFACTS, 'playground.png'), fullPage: true });

    // The three code forms.
    const json = JSON.parse(await page.locator('[data-testid="code-json"] pre').innerText());
    expect(json).toEqual({ type: 'cosine', tMax: 30, etaMin: 0.001, clamp: false });
    // Copy puts the code on the clipboard; the copied TypeScript, run against @anneal/core, builds the same schedule.
    await page.click('[data-testid="copy-ts"]');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('cosine({ tMax: 30');
    const ts = await page.evaluate(() => navigator.clipboard.readText());
    const visible = await page.locator('[data-testid="code-ts"] pre').innerText();
    const squeeze = (text: string) => text.replace(/\s*\n\s*/g, '\n').trim();
    expect(squeeze(visible)).toBe(squeeze(ts));
    // Each import line names only what its entry exports.
    const entries: Record<string, Record<string, unknown>> = { '@anneal/core': core, '@anneal/core/schedulers': schedulers };
    const imported = Array.from(ts.matchAll(/^import \{ ([^}]*) \} from '([^']*)';$/gm)).flatMap(([, list, from]) =>
      list!.split(', ').map((name) => {
        if (!(name in entries[from!]!)) throw new Error(`the copied code imports ${name} from ${from}, which does not export it`);
        return [name, entries[from!]![name]] as const;
      }),
    );
    const body = ts.replace(/^import .*$/gm, '') + '\nreturn schedule;';
    const built = new Function(...imported.map(([n]) => n), body)(...imported.map(([, v]) => v)) as Schedule;
    for (const t of [0, 7, 30, 45]) expect(built.lr(t, 0.1)).toBe(scheduleFromJSON(json).lr(t, 0.1));
    expect(ts).toContain(`schedule.lr(10, 0.1); // ${String(cosine({ tMax: 30, etaMin: 0.001 }).lr(10, 0.1)).slice(0, 10)}`);
    await page.getByRole('tab', { name: 'PyTorch' }).click();
    await page.click('[data-testid="copy-python"]');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('CosineAnnealingLR(optimizer, T_max=30, eta_min=0.001)');
    const python = await page.evaluate(() => navigator.clipboard.readText());
    expect(python).toContain('from torch.optim.lr_scheduler import CosineAnnealingLR\n');
    await page.getByRole('tab', { name: 'JSON' }).click();
    await page.click('[data-testid="copy-json"]');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()).then((t) => JSON.parse(t))).toEqual(json);

    // Pin, then switch schedule: the pinned curve stays, in the colour it had, and the new one is added.
    const colourBefore = await page.locator('figure[data-testid="playground-plot"] path[data-series-index="0"]').getAttribute('data-colour');
    await page.click('[data-testid="pin"]');
    await page.selectOption('[data-testid="schedule-type"]', 'sgdr');
    await expect.poll(async () => (await plot()).paths.length).toBe(2);
    const overlay = await plot();
    const specs = JSON.parse(overlay.data.series!).map((s: SeriesInfo) => s.spec);
    expect(specs[0]).toMatchObject({ type: 'cosine', tMax: 30 });
    expect(specs[1]).toMatchObject({ type: 'sgdr', t0: 10, tMult: 2, cycleDecay: 0.8, warmupSteps: 5 });
    checkSchedulePlot(overlay, 'playground overlay');
    const colours = await page.$$eval('figure[data-testid="playground-plot"] path[data-series-index]', (ps) => ps.map((p) => p.getAttribute('data-colour')));
    expect(colours[0]).toBe(colourBefore);
    expect(colours[1]).not.toBe(colourBefore);
    // The sample's cycle decay and warmup are anneal-only: a LambdaLR; without them, PyTorch's class.
    expect(await page.locator('[data-testid="code-python"] pre').textContent()).toContain('LambdaLR(optimizer, lr_lambda=sgdr_factor)');
    await page.fill('input[data-param="cycleDecay"]', '1');
    await page.fill('input[data-param="warmupSteps"]', '0');
    await page.fill('input[data-param="warmupStartFactor"]', '0');
    await expect
      .poll(() => page.locator('[data-testid="code-python"] pre').textContent())
      .toContain('CosineAnnealingWarmRestarts(optimizer, T_0=10, T_mult=2, eta_min=0.001)');

    // SGDR has warmup options of its own: no second set of warmup controls.
    expect(await page.locator('input[data-param="global-warmupSteps"]').count()).toBe(0);
    expect(await page.locator('[data-testid="own-warmup"]').count()).toBe(1);

    // Warmup in front: PyTorch code becomes a SequentialLR.
    await page.selectOption('[data-testid="schedule-type"]', 'exponential');
    await page.fill('input[data-param="global-warmupSteps"]', '5');
    await expect.poll(async () => JSON.parse((await plot()).data.series!)[1].spec.type).toBe('warmup');
    checkSchedulePlot(await plot(), 'playground warmup');
    expect(await page.locator('[data-testid="code-python"] pre').textContent()).toContain('milestones=[5]');

    // Every leaf schedule of the registry is offered, the piecewise ones too (as a LambdaLR in PyTorch).
    const offered = await page.$$eval('[data-testid="schedule-type"] option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(offered).toEqual(expect.arrayContaining(['piecewiseConstant', 'piecewiseInterpolate', 'inverseSqrt', 'wsd']));
    await page.selectOption('[data-testid="schedule-type"]', 'piecewiseInterpolate');
    await expect.poll(async () => JSON.parse((await plot()).data.series!).at(-1).spec.schedule?.type).toBe('piecewiseInterpolate');
    await page.fill('input[data-param="values"]', '0.2, 1, 0.5, 0.05');
    await expect.poll(async () => JSON.parse((await plot()).data.series!).at(-1).spec.schedule?.values).toEqual([0.2, 1, 0.5, 0.05]);
    checkSchedulePlot(await plot(), 'playground piecewise');
    expect(await page.locator('[data-testid="code-python"] pre').textContent()).toContain('lr_lambda=warmup_piecewise_interpolate_factor');
    // An option that matters only with another one's value says so.
    await page.selectOption('[data-testid="schedule-type"]', 'cyclic');
    await expect.poll(() => page.locator('[data-testid="playground-controls"]').innerText()).toContain('only used when mode is exp_range');

    // Momentum is plotted for schedules that cycle it.
    await page.selectOption('[data-testid="schedule-type"]', 'oneCycle');
    await page.waitForSelector('figure[data-testid="playground-momentum-plot"]');
    checkSchedulePlot((await figures(page, 'playground-momentum-plot'))[0]!, 'playground momentum');

    // A bad value is reported with the parameter's name, and the pinned curve stays.
    await page.fill('input[data-param="totalSteps"]', '-3');
    await expect(page.locator('[data-testid="playground-error"]').innerText()).resolves.toContain('totalSteps');
    expect((await plot()).paths.length).toBe(1);

    // The state lives in the URL: reloading restores it.
    await page.fill('input[data-param="totalSteps"]', '80');
    await expect.poll(async () => JSON.parse((await plot()).data.series!).at(-1).spec.schedule?.totalSteps).toBe(80);
    await page.reload();
    await page.waitForSelector('html[data-has-hydrated="true"]');
    await expect.poll(async () => page.inputValue('input[data-param="totalSteps"]')).toBe('80');
    expect(await page.inputValue('[data-testid="schedule-type"]')).toBe('oneCycle');
    // The pinned curve is in the permalink too.
    await expect.poll(async () => (await plot()).paths.length).toBe(2);
    expect(JSON.parse((await plot()).data.series!)[0].spec).toMatchObject({ type: 'cosine', tMax: 30 });

    // The log-scale toggle: a logarithmic rate axis, every vertex still where @anneal/core puts it.
    await page.check('[data-testid="log-scale"]');
    await expect.poll(async () => (await plot()).yScale).toBe('log');
    checkSchedulePlot(await plot(), 'playground log scale');
    // The TypeScript steps one-cycle once per batch.
    expect(await page.locator('[data-testid="code-ts"] pre').innerText()).toContain('for (let batch = 0; batch < batchesPerEpoch; batch++)');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names only source files that exist in the front matter of the hand-written pages', () => {
    const docs = join(SITE, '..', '..', 'docs');
    const pages = (readdirSync(docs, { recursive: true }) as string[]).filter((f) => /\.mdx?$/.test(f) && !f.startsWith('api') && !f.startsWith('reference'));
    let named = 0;
    for (const page of pages) {
      const front = readFileSync(join(docs, page), 'utf8').match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '';
      const block = front.match(/^source_files:\n((?:\s+- .*\n?)*)/m)?.[1] ?? '';
      for (const m of block.matchAll(/- (\S+)/g)) {
        named++;
        expect(existsSync(join(SITE, '..', '..', m[1]!)), `${page}: ${m[1]}`).toBe(true);
      }
    }
    expect(named).toBeGreaterThanOrEqual(14);
  });

  it('is light: KaTeX fonts as woff2 files only, built CSS <= 120 kB, the cosine page <= 500 kB on the wire', async () => {
    const fonts = readdirSync(join(BUILD, 'assets', 'fonts'));
    expect(fonts.filter((f) => f.startsWith('KaTeX_')).length).toBeGreaterThan(0);
    expect(fonts.filter((f) => /\.(woff|ttf|eot)$/.test(f))).toEqual([]);
    const css = cssSize(BUILD);
    const cssText = css.files.map((f) => readFileSync(join(BUILD, 'assets', 'css', f), 'utf8')).join('');
    expect(cssText).not.toMatch(/data:font|format\(["']?(woff|truetype)["']?\)/);
    expect(css.bytes).toBeLessThanOrEqual(120_000);
    const weight = await weighPage(context, `${base}/docs/schedules/cosine-annealing`);
    console.log(`site weight: CSS ${css.bytes} B; cosine page ${weight.transferred} B transferred (${weight.decoded} B decoded, ${weight.requests} requests, load ${weight.loadMs} ms), ${weight.prefetched} B prefetched for linked pages`);
    expect(weight.transferred).toBeLessThanOrEqual(500_000);
  });

  it('searches offline: Ctrl-K opens the search box, the index comes from this site, a result opens its page', async () => {
    const { page, errors } = await open('/docs/getting-started');
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.keyboard.press('Control+k');
    const input = page.locator('input.navbar__search-input');
    await expect.poll(() => input.evaluate((el) => el === document.activeElement)).toBe(true);
    await input.pressSequentially('warm restarts', { delay: 20 });
    const options = page.locator('[role="listbox"] [role="option"]');
    await options.first().waitFor({ timeout: 20_000 });
    const texts = await options.allInnerTexts();
    expect(texts.some((t) => t.includes('SGDR: cosine annealing with warm restarts'))).toBe(true);
    expect(texts.some((t) => t.includes('sgdr: SGDR (warm restarts)'))).toBe(true);
    expect(requests.some((u) => /\/search-index[^/]*\.json$/.test(new URL(u).pathname))).toBe(true);
    expect(requests.every((u) => u.startsWith(base) || u.startsWith('data:'))).toBe(true);
    await options.filter({ hasText: 'SGDR: cosine annealing with warm restarts' }).first().click();
    await page.waitForURL((u) => u.pathname === '/docs/schedules/sgdr');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('at 390 px, no identifier in any table breaks mid-word', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    const broken: string[] = [];
    for (const path of PAGES.filter((p) => p.startsWith('/docs/'))) {
      await page.goto(base + path, { waitUntil: 'load' });
      if ((await page.locator('article table').count()) === 0) continue;
      for (const word of await brokenWords(page)) broken.push(`${path}: ${word}`);
    }
    expect(broken).toEqual([]);
    await page.close();
  });

  it('has a reference entry per schedule kind and per scheduler class, from the descriptors, with their links', async () => {
    const classes = new Set<string>();
    for (const d of SCHEDULE_DESCRIPTORS) {
      expect(PAGES).toContain(`/docs/reference/schedules/${d.type}`);
      if (d.torch && typeof (core as Record<string, unknown>)[d.torch.class] === 'function') classes.add(d.torch.class);
    }
    for (const c of [...classes, 'ReduceLROnPlateau', 'LambdaLR']) expect(PAGES).toContain(`/docs/reference/classes/${c}`);

    const { page, errors } = await open('/docs/reference/schedules/sgdr');
    const entry = page.locator('[data-testid="schedule-reference"]');
    expect(await entry.getAttribute('data-type')).toBe('sgdr');
    const options = await page.$$eval('[data-testid="options-table"] tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
    expect(options).toEqual(Object.keys(descriptorOf('sgdr')!.options));
    expect(await page.locator('[data-testid="reference-formula"] .katex').count()).toBe(1);
    expect(await page.locator('a[data-testid="torch-docs"]').getAttribute('href')).toBe(descriptorOf('sgdr')!.torch!.docs);
    expect(await page.locator('a[data-testid="paper"]').first().getAttribute('href')).toBe('https://arxiv.org/abs/1608.03983');
    expect(await page.locator('a[data-testid="source"]').getAttribute('href')).toMatch(/\/packages\/core\/src\/schedules\/sgdr\.ts$/);
    // The printed example is the plotted sample, and runs: its value comment is @anneal/core's.
    const code = await page.locator('[data-testid="schedule-reference"] pre').nth(1).innerText();
    const sample = sampleSpec(descriptorOf('sgdr')!);
    expect(code).toContain(`sgdr(${tsLiteral(Object.fromEntries(Object.entries(sample).filter(([k]) => k !== 'type')))})`);
    expect(await page.locator('[data-testid="equivalents-table"]').innerText()).toContain('CosineDecayRestarts');
    await page.close();

    // Papers: WSD and linear decay to zero; each class has PyTorch's page; every hand-written page can be edited.
    const wsd = await open('/docs/reference/schedules/wsd');
    expect(await wsd.page.locator('a[data-testid="paper"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain('https://arxiv.org/abs/2404.06395');
    await wsd.page.close();
    const linear = await open('/docs/reference/schedules/linear');
    expect(await linear.page.locator('a[data-testid="paper"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain('https://arxiv.org/abs/2502.15938');
    await linear.page.close();
    const oneCycle = await open('/docs/reference/classes/OneCycleLR');
    expect(await oneCycle.page.locator('a[data-testid="torch-docs"]').getAttribute('href')).toContain('torch.optim.lr_scheduler.OneCycleLR');
    expect(await oneCycle.page.locator('[data-testid="scheduler-reference"]').innerText()).toContain('once per batch');
    // A class is imported from the stateful entry, in the constructor block and in the runnable example.
    const classBlocks = await oneCycle.page.locator('[data-testid="scheduler-reference"] pre').allInnerTexts();
    expect(classBlocks.filter((text) => text.includes("import { OneCycleLR } from '@anneal/core/schedulers';")).length).toBeGreaterThanOrEqual(2);
    expect(classBlocks.join('\n')).not.toMatch(/import \{[^}]*OneCycleLR[^}]*\} from '@anneal\/core';/);
    await oneCycle.page.close();
    const cosinePage = await open('/docs/schedules/cosine-annealing');
    expect(await cosinePage.page.locator('a.theme-edit-this-page').getAttribute('href')).toMatch(/\/edit\/[^/]+\/docs\/schedules\/cosine-annealing\.mdx$/);
    // The schedule pages link the code they describe and their papers (front matter source_files, papers).
    const sources = await cosinePage.page.locator('a[data-testid="page-source"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(sources.some((h) => h.endsWith('/packages/core/src/schedules/cosine.ts'))).toBe(true);
    expect(await cosinePage.page.locator('a[data-testid="page-paper"]').getAttribute('href')).toBe('https://arxiv.org/abs/1608.03983');
    const footer = await cosinePage.page.locator('footer.footer').innerText();
    expect(footer).toContain('1.13.1');
    expect(footer).toContain('2.13.0');
    expect(footer).toContain('Changelog');
    expect(await cosinePage.page.locator('.navbar-version').innerText()).toMatch(/^v\d+\.\d+\.\d+/);
    expect(errors.concat(wsd.errors, linear.errors, oneCycle.errors, cosinePage.errors)).toEqual([]);
    await cosinePage.page.close();
  });

  it('reads the held value on a staircase: SGDR stepped once per epoch shows 0.1 at epoch 0.4', async () => {
    const { page, errors } = await open('/docs/schedules/sgdr');
    const figure = page.locator('figure[data-testid="schedule-plot"]').filter({ hasText: 'step() once per epoch' }).first();
    const svg = figure.locator('svg[role="img"]');
    await svg.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    const readout = figure.locator('[data-testid="plot-readout"]');
    await expect.poll(() => readout.getAttribute('data-step')).toBe('0.4');
    const [perEpoch, perBatch] = JSON.parse((await readout.getAttribute('data-values'))!) as number[];
    expect(perEpoch).toBe(0.1);
    expect(perBatch).toBe(sgdr({ t0: 4, tMult: 2 }).lr(0.4, 0.1));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('trains in the browser: four schedules, the same numbers for the same seed, rates from @anneal/core', async () => {
    const { page, errors } = await open('/docs/choosing-a-schedule');
    const widget = page.locator('[data-testid="live-training"]');
    expect(await widget.getAttribute('data-state')).toBe('idle');
    await page.selectOption('[data-testid="seeds"]', '1');
    const runOnce = async () => {
      await page.click('[data-testid="train"]');
      await expect.poll(() => widget.getAttribute('data-state'), { timeout: 110_000, interval: 250 }).toBe('done');
      return { results: JSON.parse((await widget.getAttribute('data-results'))!) as RunResult[], elapsed: Number(await widget.getAttribute('data-elapsed')) };
    };
    const first = await runOnce();
    const second = await runOnce();
    const strip = (rs: RunResult[]) => rs.map((r) => ({ ...r, ms: 0 }));
    expect(strip(second.results), 'deterministic per seed').toEqual(strip(first.results));
    console.log(`live training: 4 schedules x 1 seed in ${first.elapsed} ms (again: ${second.elapsed} ms); final held-out accuracy ${first.results.map((r) => `${r.schedule} ${r.testAccuracy.at(-1)}`).join(', ')}`);

    const B = stepsPerEpoch(EXPERIMENT);
    expect(first.results.map((r) => r.schedule)).toEqual(CANDIDATES.map((c) => c.name));
    for (const r of first.results) {
      for (const key of ['lr', 'trainLoss', 'testLoss', 'testAccuracy'] as const) {
        expect(r[key].length).toBe(EXPERIMENT.epochs);
        expect(r[key].every(Number.isFinite), `${r.schedule} ${key} finite`).toBe(true);
      }
      const c = CANDIDATES.find((k) => k.name === r.schedule)!;
      const schedule = c.spec === null ? null : scheduleFromJSON(c.spec);
      // The rate of each epoch's last batch is the schedule's value after epoch·B + B − 1 steps.
      // (To the last bits, as the trace replay compares: the stateful driver may evaluate a schedule by another path.)
      r.lr.forEach((lr, e) => {
        const want = schedule === null ? EXPERIMENT.baseLr : schedule.lr(e * B + B - 1, EXPERIMENT.baseLr);
        expect(close(lr, want, EXPERIMENT.baseLr), `${r.schedule} rate in epoch ${e}: ${lr} vs ${want}`).toBe(true);
      });
    }
    // The evidence the page describes: ending at a low rate beats the constant rate; an SGDR restart costs
    // accuracy right away (epoch 15 after the cycle ending at epoch 14).
    const acc = Object.fromEntries(first.results.map((r) => [r.schedule, r.testAccuracy]));
    for (const name of ['cosine', 'SGDR', 'one-cycle']) expect(acc[name]!.at(-1)!, `${name} ends above constant`).toBeGreaterThan(acc.constant!.at(-1)!);
    expect(acc.SGDR![13]!).toBeGreaterThan(acc.SGDR![14]!);
    for (const id of ['training-accuracy', 'training-loss', 'training-lr']) expect(await page.locator(`figure[data-testid="${id}"] path[data-series-index]`).count(), id).toBe(4);
    expect(await page.locator('[data-testid="training-summary"] tbody tr').count()).toBe(4);
    await page.screenshot({ path: join(ARTIFACTS, 'choosing-a-schedule.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('serves a 404 page for unknown paths', async () => {
    const page = await context.newPage();
    const response = await page.goto(`${base}/docs/no-such-page`);
    expect(response?.status()).toBe(404);
    await page.waitForSelector('html[data-has-hydrated="true"]');
    expect(await page.locator('h1').innerText()).toMatch(/not found/i);
    await page.screenshot({ path: join(ARTIFACTS, '404.png') });
    await page.close();
  });

  it('made no request outside localhost', () => {
    expect(external).toEqual([]);
  });
});
