/**
 * The size budget, run as this package's `test` script (so `turbo run test` runs it in CI): prints each
 * entry's minified + gzipped size against its target and CI limit, and exits with status 1 when an
 * entry is over its limit (src/size/entries.ts).
 */
import { SIZE_ENTRIES } from './entries.js';
import { measureSize } from './bundle-size.js';

const results = await Promise.all(SIZE_ENTRIES.map((entry) => measureSize(entry)));
let over = 0;
const kb = (b: number | null) => (b === null ? '–' : `${(b / 1024).toFixed(2)} kB`);
for (const r of results) {
  const target = r.met === null ? '' : `target ${kb(r.targetBytes)} ${r.met ? 'met' : 'missed'}`;
  const limit = r.withinLimit === null ? '' : `CI limit ${kb(r.limitBytes)} ${r.withinLimit ? 'ok' : 'EXCEEDED'}`;
  console.log(`${kb(r.gzip).padStart(9)} gz ${kb(r.minified).padStart(9)} min  ${target.padEnd(26)} ${limit.padEnd(28)} ${r.title}`);
  if (r.met === false || r.withinLimit === false) {
    const top = r.modules.slice(0, 12).map((m) => `${m.module} ${m.bytes}`).join(', ');
    console.log(`           what this import needs (minified bytes per module, bundled from core's sources, where tree-shaking works): ${top}`);
  }
  if (r.withinLimit === false) over++;
}
if (over > 0) {
  console.error(`\n${over} bundle-size limit(s) exceeded: see tools/bench/src/size/entries.ts and docs/benchmarks.md.`);
  process.exitCode = 1;
}
