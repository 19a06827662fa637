/**
 * Unit tests of the playground's catalogue: it is derived from @anneal/core's descriptors, so every leaf
 * schedule is offered, with its PyTorch names, and the initial controls build the descriptor's sample.
 */
import { describe, expect, it } from 'vitest';
import { SCHEDULE_DESCRIPTORS, alternativeValue, sampleSpec, type ScheduleDescriptor } from '@anneal/core/meta';
import { scheduleFromJSON } from '@anneal/core/json';
import { CATALOG, buildSpec, defaults, shortLabel, type KindDef } from '../src/lib/catalog';

const LEAVES: readonly ScheduleDescriptor[] = SCHEDULE_DESCRIPTORS.filter((d) => d.children === undefined);
const NO_WARMUP = { steps: 0, startFactor: 0 };
const kind = (type: string): KindDef => CATALOG.find((k) => k.type === type)!;

describe('the playground catalogue', () => {
  it('offers every leaf schedule of the registry, in its order, and no combinator', () => {
    expect(CATALOG.map((k) => k.type)).toEqual(LEAVES.map((d) => d.type));
    expect(CATALOG.map((k) => k.type)).toEqual(expect.arrayContaining(['piecewiseConstant', 'piecewiseInterpolate']));
    for (const type of ['warmup', 'sequence', 'chain']) expect(CATALOG.some((k) => k.type === type)).toBe(false);
  });

  describe.each(LEAVES.map((d) => [d.type, d] as const))('%s', (_type, d) => {
    const k = kind(d.type);

    it('takes its label and PyTorch names from the descriptor', () => {
      expect(k.label).toBe(d.label);
      expect(k.torch).toBe(d.torch?.class ?? 'LambdaLR');
      for (const p of k.params) expect(p.torch).toBe(d.torch?.kwargs[p.key]);
    });

    it('has one control per option, except functions and inert options', () => {
      const shown = Object.entries(d.options)
        .filter(([, meta]) => meta.kind !== 'function' && meta.kind !== 'inert')
        .map(([key]) => key);
      expect(k.params.map((p) => p.key)).toEqual(shown);
      for (const p of k.params) {
        const meta = d.options[p.key]!;
        if (meta.kind === 'number' || meta.kind === 'integer') {
          expect([p.min, p.max]).toEqual([meta.min, meta.max]);
          expect(p.step).toBeGreaterThan(0);
          expect(p.kind).toBe(meta.absentInSample === true ? 'optional' : meta.kind === 'integer' ? 'int' : 'number');
        }
        if (meta.kind === 'choice') expect(p.options).toEqual(meta.choices);
        if ('when' in meta && meta.when !== undefined) expect(p.help).toMatch(/only used when/);
      }
    });

    it('starts from the descriptor sample, a valid spec', () => {
      const spec = buildSpec(k, defaults(k), NO_WARMUP);
      expect(() => scheduleFromJSON(spec)).not.toThrow();
      expect(scheduleFromJSON(spec).toJSON()).toEqual(scheduleFromJSON(sampleSpec(d)).toJSON());
      expect(shortLabel(k, defaults(k), NO_WARMUP)).toBe(`${d.type}(${k.params[0]!.key} ${String(k.params[0]!.default)})`);
    });

    it('builds a valid spec with each option at its alternative value (where the others allow it)', () => {
      for (const p of k.params) {
        const alternative = alternativeValue(d.options[p.key]!);
        const value = Array.isArray(alternative) ? alternative.join(', ') : (alternative as number | boolean | string);
        const spec = buildSpec(k, { ...defaults(k), [p.key]: value }, NO_WARMUP);
        expect(spec[p.key]).toEqual(alternative);
        let valid = true;
        try {
          scheduleFromJSON({ ...sampleSpec(d), [p.key]: alternative });
        } catch {
          valid = false;
        }
        if (valid) expect(() => scheduleFromJSON(spec), `${d.type} ${p.key}`).not.toThrow();
      }
    });

    it('puts the playground warmup in front', () => {
      const spec = buildSpec(k, defaults(k), { steps: 5, startFactor: 0.1 });
      expect(spec).toMatchObject({ type: 'warmup', steps: 5, startFactor: 0.1, schedule: { type: d.type } });
      expect(() => scheduleFromJSON(spec)).not.toThrow();
      expect(shortLabel(k, defaults(k), { steps: 5, startFactor: 0.1 })).toMatch(/^warmup\(5, from 0\.1\) → /);
    });
  });

  it('leaves an optional option out when its input is empty', () => {
    const sgdr = kind('sgdr');
    const limit = sgdr.params.find((p) => p.key === 'cycleLimit')!;
    expect(limit).toMatchObject({ kind: 'optional', default: '' });
    expect(buildSpec(sgdr, defaults(sgdr), NO_WARMUP)).not.toHaveProperty('cycleLimit');
    expect(buildSpec(sgdr, { ...defaults(sgdr), cycleLimit: '3' }, NO_WARMUP)).toHaveProperty('cycleLimit', 3);
  });

  it('says when an option matters, and which options PyTorch cannot set', () => {
    const gamma = kind('cyclic').params.find((p) => p.key === 'gamma')!;
    expect(gamma.help).toContain('only used when mode is exp_range');
    const clamp = kind('cosine').params.find((p) => p.key === 'clamp')!;
    expect(clamp.torch).toBeUndefined();
    expect(clamp.help).toContain('no CosineAnnealingLR keyword');
    const values = kind('piecewiseConstant').params.find((p) => p.key === 'values')!;
    expect(values).toMatchObject({ kind: 'list', default: '1, 0.5, 0.1' });
    expect(values.help).toContain('as many as boundaries + 1');
  });

  it('reads list inputs with commas or spaces', () => {
    const k = kind('multiStep');
    expect(buildSpec(k, { ...defaults(k), milestones: '10,20  30' }, NO_WARMUP)).toMatchObject({ milestones: [10, 20, 30] });
  });
});
