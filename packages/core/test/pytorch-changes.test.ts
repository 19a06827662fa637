// The table of what changed between PyTorch 1.13 and 2 (docs/guides/pytorch-versions.mdx) is generated from
// PYTORCH_CHANGES, and PYTORCH_CHANGES is checked against the recorded traces: every case it names exists,
// every case under a change the `pytorch` option selects has different values in the two sets, and every
// recorded case whose values differ between the sets is listed under such a change. The README and the
// docs state the versions of PYTORCH_PROVEN.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PYTORCH_CHANGES, PYTORCH_PROVEN, pytorchChangesTable } from '../src/replay/pytorch-changes.js';

const ROOT = join(__dirname, '..', '..', '..');
const FIXTURES = join(__dirname, 'fixtures');
const GUIDE = join(ROOT, 'docs', 'guides', 'pytorch-versions.mdx');

interface Case {
  name: string;
  lrs: number[][];
  momentums?: number[][];
  last_lrs?: number[][];
}
/** Every replayed case of a set (refusals.json aside), by name. */
function set(dir: string): Map<string, Case> {
  const out = new Map<string, Case>();
  for (const f of readdirSync(join(FIXTURES, dir)).filter((x) => x.endsWith('.json') && x !== 'refusals.json')) {
    for (const c of (JSON.parse(readFileSync(join(FIXTURES, dir, f), 'utf8')) as { cases: Case[] }).cases) out.set(c.name, c);
  }
  return out;
}
const old = set('traces');
const cur = set('traces-torch2');
const values = (c: Case) => JSON.stringify([c.lrs, c.momentums ?? null]);
const differing = [...cur.values()].filter((c) => old.has(c.name) && values(old.get(c.name)!) !== values(c)).map((c) => c.name);

describe('PYTORCH_CHANGES', () => {
  it('has unique ids and no case under two changes', () => {
    expect(new Set(PYTORCH_CHANGES.map((c) => c.id)).size).toBe(PYTORCH_CHANGES.length);
    const cases = PYTORCH_CHANGES.flatMap((c) => c.cases);
    expect(new Set(cases).size).toBe(cases.length);
  });

  it('names only recorded cases (in the 2.13 set; in both where the option selects)', () => {
    for (const change of PYTORCH_CHANGES) {
      for (const name of change.cases) {
        expect(cur.has(name), `${change.id}: ${name} in traces-torch2`).toBe(true);
        if (change.option) expect(old.has(name), `${change.id}: ${name} in traces`).toBe(true);
      }
    }
  });

  it('lists every case whose values differ between PyTorch 1.13.1 and 2.13.0 under a change the option selects', () => {
    expect(differing.length).toBeGreaterThanOrEqual(38);
    const listed = new Set(PYTORCH_CHANGES.filter((c) => c.option).flatMap((c) => c.cases));
    expect(differing.filter((name) => !listed.has(name))).toEqual([]);
  });

  it('under a change the option selects, every case has different values in the two sets', () => {
    const differ = new Set(differing);
    for (const change of PYTORCH_CHANGES.filter((c) => c.option)) {
      for (const name of change.cases) expect(differ.has(name), `${change.id}: ${name}`).toBe(true);
    }
  });

  it('covers the changes the issue names: resume, get_last_lr, ChainedScheduler and its optimizer, SequentialLR hand-over, SGDR resume, classes added', () => {
    expect(PYTORCH_CHANGES.map((c) => c.id)).toEqual(
      expect.arrayContaining(['resume-initial-step', 'plateau-lrscheduler', 'chained-optimizer', 'sequential-handover', 'sequential-initial-step', 'sgdr-wrap', 'classes']),
    );
  });
});

describe('the documents', () => {
  it('docs/guides/pytorch-versions.mdx embeds the generated table', () => {
    const text = readFileSync(GUIDE, 'utf8');
    const start = text.indexOf('{/* pytorch-changes:start');
    const end = text.indexOf('{/* pytorch-changes:end */}');
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
    const embedded = text.slice(text.indexOf('\n', start) + 1, end).trim();
    expect(embedded).toBe(pytorchChangesTable());
  });

  it('the README, the guide and the docs home state the versions the values are proven against, and link the guide', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const intro = readFileSync(join(ROOT, 'docs', 'intro.mdx'), 'utf8');
    const guide = readFileSync(GUIDE, 'utf8');
    for (const text of [readme, intro, guide]) {
      for (const version of Object.values(PYTORCH_PROVEN)) expect(text).toContain(`PyTorch ${version}`);
    }
    expect(readme).toContain('docs/guides/pytorch-versions.mdx');
    expect(intro).toContain('guides/pytorch-versions.mdx');
  });
});
