import { describe, expect, it } from 'vitest';
import { cosine, oneCycle, sampleSchedule, sgdr, warmup, type Schedule } from '@anneal/core';
import { scheduleFromJSON } from '@anneal/core/json';
import { runCli } from './run-cli.js';

const rows = (text: string, sep: string) =>
  text
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((line) => line.split(sep));

async function values(args: string[]) {
  const run = await runCli(['values', ...args]);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

describe('anneal values', () => {
  const cases: Array<[string, Schedule, number, number]> = [
    ['cosine:tMax=20,etaMin=0.001', cosine({ tMax: 20, etaMin: 0.001 }), 45, 1],
    ['sgdr:t0=10,tMult=2,warmupSteps=5,warmupStartFactor=0.1', sgdr({ t0: 10, tMult: 2, warmupSteps: 5, warmupStartFactor: 0.1 }), 80, 0.1],
    ['onecycle:totalSteps=100,maxLr=0.1', oneCycle({ totalSteps: 100, maxLr: 0.1 }), 100, 0.05],
    ['warmup:steps=5,startFactor=0.25+cosine:tMax=15', warmup({ steps: 5, startFactor: 0.25 }, cosine({ tMax: 15 })), 30, 0.3],
  ];

  it.each(cases)('prints exactly the values of core for %s (CSV)', async (spec, schedule, steps, baseLr) => {
    const out = await values([spec, '--steps', String(steps), '--base-lr', String(baseLr)]);
    expect(out.split('\n')[0]).toBe('step,lr');
    const expected = sampleSchedule(schedule, { points: steps, baseLr });
    const got = rows(out, ',');
    expect(got).toHaveLength(steps);
    got.forEach(([step, lr], t) => {
      expect(Number(step)).toBe(t);
      // Shortest round-trip text: reading it back gives the very same double, and no shorter text would.
      expect(Number(lr)).toBe(expected[t]);
      expect(lr).toBe(String(expected[t]));
    });
  });

  it('reads the three spellings of one schedule to the same numbers, in TSV and JSON', async () => {
    const schedule = scheduleFromJSON({ type: 'cosine', tMax: 7, etaMin: 0.01 });
    const expected = Array.from(sampleSchedule(schedule, { points: 20, baseLr: 0.5 }));
    const short = await values(['cosine:tMax=7,etaMin=0.01', '--steps', '20', '--base-lr', '0.5', '--format', 'tsv']);
    const anneal = await values(['{"type":"cosine","tMax":7,"etaMin":0.01}', '--steps', '20', '--base-lr', '0.5', '--format', 'json']);
    const torch = await values(['{"scheduler":"CosineAnnealingLR","kwargs":{"T_max":7,"eta_min":0.01}}', '--steps=20', '--base-lr=0.5', '--format=json']);
    expect(rows(short, '\t').map(([, lr]) => Number(lr))).toEqual(expected);
    const a = JSON.parse(anneal) as { lr: number[]; schedule: unknown; baseLr: number; steps: number };
    const t = JSON.parse(torch) as { lr: number[]; schedule: unknown };
    expect(a.lr).toEqual(expected);
    expect(t.lr).toEqual(expected);
    expect(a).toMatchObject({ baseLr: 0.5, steps: 20, schedule: { type: 'cosine', tMax: 7, etaMin: 0.01, clamp: false } });
    expect(t.schedule).toEqual(a.schedule);
  });

  it('reads a schedule from @file', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'anneal-cli-'));
    writeFileSync(join(dir, 'sched.json'), JSON.stringify({ scheduler: 'StepLR', kwargs: { step_size: 3, gamma: 0.5 } }));
    const run = await runCli(['values', '@sched.json', '--steps', '7'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(rows(run.stdout, ',').map(([, lr]) => Number(lr))).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.25]);
  });

  it('reads HF, timm, Keras and optax configurations, at their own base rate unless --base-lr is given', async () => {
    const configs = [
      { lr_scheduler_type: 'cosine', learning_rate: 3e-4, warmup_steps: 5, max_steps: 50 },
      { sched: 'step', decay_epochs: 3, decay_rate: 0.5, lr: 0.1 },
      { class_name: 'ExponentialDecay', config: { initial_learning_rate: 0.1, decay_steps: 2, decay_rate: 0.5 } },
      { optax: 'warmup_cosine_decay_schedule', kwargs: { init_value: 0, peak_value: 0.01, warmup_steps: 4, decay_steps: 40 } },
    ];
    for (const config of configs) {
      const { ecosystemFromJSON } = await import('@anneal/core/json');
      const reading = ecosystemFromJSON(config);
      const schedule = scheduleFromJSON(config);
      const own = JSON.parse(await values([JSON.stringify(config), '--steps', '12', '--format', 'json'])) as { lr: number[]; baseLr: number };
      expect(own.baseLr).toBe(reading.baseLr ?? 1);
      expect(own.lr).toEqual(Array.from(sampleSchedule(schedule, { points: 12, baseLr: reading.baseLr ?? 1 })));
      const unit = JSON.parse(await values([JSON.stringify(config), '--steps', '12', '--base-lr', '1', '--format', 'json'])) as { lr: number[] };
      expect(unit.lr).toEqual(Array.from(sampleSchedule(schedule, { points: 12, baseLr: 1 })));
    }
    const bad = await runCli(['values', '{"lr_scheduler_type":"cosine","max_steps":10,"lr_scheduler_kwargs":{"cycles":2}}', '--steps', '3']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('lr_scheduler_kwargs.cycles');
  });
});
