import { describe, expect, it } from 'vitest';
import { ConversionError, ecosystemFromJSON, pythonLiteral, scheduleFromJSON, writeConfig, writeSnippet, WRITE_TARGETS, type WriteTarget } from '../src/json.js';
import { descriptorOf } from '../src/meta.js';
import { GRID, SHAPED } from './writer-grid.js';

/** The steps of the round trip: every whole step to 3,000, and two fractions of each of the first 400. */
const STEPS: number[] = [];
for (let t = 0; t <= 3000; t++) {
  STEPS.push(t);
  if (t < 400) STEPS.push(t + 0.3, t + 0.71);
}
const BASE_RATES = [1, 0.003];

/** The rate, or the error's name (both sides must refuse the same steps). */
function rate(f: () => number): number | string {
  try {
    return f();
  } catch (e) {
    return (e as Error).name;
  }
}

/** The keys a refusal may name at the top of `spec`: its canonical form's, and every option of its kind. */
function keysOf(spec: Record<string, unknown>): string[] {
  const d = descriptorOf(spec.type)!;
  return [...Object.keys(scheduleFromJSON(spec).toJSON()), ...Object.keys(d.options)];
}

/** The top-level key of a ConversionError path (`schedules[1].clamp` → `schedules`). */
const head = (path: string) => path.split(/[.[]/)[0]!;

describe('writers: write, read back with anneal\'s reader, same rates', () => {
  let checks = 0;
  let worst = 0;
  let worstNearZero = 0;
  const counts: Record<string, { exact: number; refused: number }> = {};
  for (const target of WRITE_TARGETS) counts[target] = { exact: 0, refused: 0 };

  for (const { name, spec, exact } of GRID) {
    it(name, () => {
      const original = scheduleFromJSON(spec);
      for (const target of WRITE_TARGETS) {
        for (const baseLr of BASE_RATES) {
          let config: unknown;
          try {
            config = writeConfig(spec, target, { baseLr });
          } catch (error) {
            expect(error, `${target}: ${(error as Error).message}`).toBeInstanceOf(ConversionError);
            const e = error as ConversionError;
            expect(e.target).toBe(target);
            expect(e.reason.length).toBeGreaterThan(10);
            if (e.path !== '') expect(keysOf(spec), `${target}: path ${e.path}`).toContain(head(e.path));
            expect(exact, `${name} must be written for ${target}: ${e.message}`).not.toContain(target);
            if (baseLr === 1) counts[target]!.refused++;
            continue;
          }
          if (baseLr === 1) counts[target]!.exact++;
          // Independent of the writer's own check: read back, at the base rate the configuration states.
          const back = scheduleFromJSON(config);
          const backRate = target === 'pytorch' ? baseLr : (ecosystemFromJSON(config).baseLr ?? baseLr);
          for (const t of STEPS) {
            const want = rate(() => original.lr(t, baseLr));
            const got = rate(() => back.lr(t, backRate));
            checks++;
            if (typeof want === 'string' || typeof got === 'string') {
              expect(got, `${target} at step ${t}`).toBe(want);
              continue;
            }
            const scale = Math.max(Math.abs(want), Math.abs(got));
            const deviation = scale === 0 ? 0 : Math.abs(want - got) / scale;
            if (scale >= 1e-9 * baseLr) worst = Math.max(worst, deviation);
            else worstNearZero = Math.max(worstNearZero, Math.abs(want - got) / baseLr);
            expect(Math.abs(want - got) <= Math.max(1e-12 * scale, 1e-15 * baseLr), `${name} → ${target} at step ${t} (base rate ${baseLr}): ${got} vs ${want}\n${JSON.stringify(config)}`).toBe(true);
          }
        }
      }
    });
  }

  it('every target writes a fair share, and the deviation is within 1e-12', () => {
    console.log(`writers: ${checks} rate comparisons, worst relative deviation ${worst.toExponential(2)} (rates below 1e-9 of the base rate: worst absolute ${worstNearZero.toExponential(2)} of it); per target (base rate 1):`, JSON.stringify(counts));
    for (const target of WRITE_TARGETS) expect(counts[target]!.exact, target).toBeGreaterThanOrEqual(SHAPED.filter((s) => s.exact.includes(target)).length);
    expect(worst).toBeLessThanOrEqual(1e-12);
  });
});

describe('writers: errors', () => {
  it('ConversionError is an AnnealError with its own name, target, path and reason', () => {
    const e = new ConversionError('keras', 'schedule.tMax', 'a reason');
    expect(e.name).toBe('ConversionError');
    expect(e.code).toBe('not-convertible');
    expect(e.message).toBe('schedule.tMax has no exact Keras equivalent: a reason');
    expect(new ConversionError('optax', '', 'why').message).toBe('spec has no exact optax equivalent: why');
  });
  it('names the spec path and the reason', () => {
    const spec = { type: 'warmup', steps: 5, startFactor: 0, schedule: { type: 'cosine', tMax: 20, clamp: true } };
    expect(() => writeConfig(spec, 'hf')).toThrow(ConversionError);
    try {
      writeConfig(spec, 'hf');
    } catch (e) {
      const error = e as ConversionError;
      expect(error.path).toBe('schedule.clamp');
      expect(error.code).toBe('not-convertible');
      expect(error.message).toMatch(/^schedule\.clamp has no exact HF transformers equivalent: /);
    }
  });
  it('refuses a bad target or base rate, and reads a bad spec with the reader\'s errors', () => {
    expect(() => writeConfig({ type: 'constant' }, 'jax' as WriteTarget)).toThrow(/target must be one of pytorch, hf, timm, keras, optax/);
    expect(() => writeConfig({ type: 'constant' }, 'hf', { baseLr: 0 })).toThrow(/baseLr must be a positive finite number/);
    expect(() => writeConfig({ type: 'cosine' }, 'pytorch')).toThrow(/tMax/);
  });
  it('accepts the JSON text and other spellings (a PyTorch spec written as optax)', () => {
    const config = writeConfig('{"scheduler":"StepLR","kwargs":{"step_size":10,"gamma":0.5}}', 'optax', { baseLr: 0.1 });
    expect(config).toEqual({ optax: 'exponential_decay', kwargs: { init_value: 0.1, transition_steps: 10, decay_rate: 0.5, staircase: true } });
  });
  it('writes the keywords of the descriptors (PyTorch)', () => {
    expect(writeConfig({ type: 'cosine', tMax: 20, etaMin: 0.01 }, 'pytorch')).toEqual({ scheduler: 'CosineAnnealingLR', kwargs: { T_max: 20, eta_min: 0.01 } });
    expect(writeConfig({ type: 'sequence', milestones: [5], schedules: [{ type: 'linear', startFactor: 0.1, endFactor: 1, totalIters: 5 }, { type: 'exponential', gamma: 0.9 }] }, 'pytorch')).toEqual({
      scheduler: 'SequentialLR',
      kwargs: { milestones: [5], schedulers: [{ scheduler: 'LinearLR', kwargs: { start_factor: 0.1, end_factor: 1, total_iters: 5 } }, { scheduler: 'ExponentialLR', kwargs: { gamma: 0.9 } }] },
    });
  });
});

describe('writers: Python snippets', () => {
  it('PyTorch: imports, a stand-in model and optimizer, nested schedulers, one step per epoch', () => {
    const text = writeSnippet({ type: 'sequence', milestones: [5], schedules: [{ type: 'linear', startFactor: 0.1, endFactor: 1, totalIters: 5 }, { type: 'exponential', gamma: 0.9 }] }, 'pytorch', { baseLr: 0.1, steps: 20 });
    expect(text).toContain('from torch.optim import lr_scheduler');
    expect(text).toContain('optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)');
    expect(text).toContain('scheduler = lr_scheduler.SequentialLR(optimizer, milestones=[5], schedulers=[lr_scheduler.LinearLR(optimizer, start_factor=0.1, end_factor=1, total_iters=5), lr_scheduler.ExponentialLR(optimizer, gamma=0.9)])');
    expect(text).toContain('for step in range(20):  # one step per epoch');
  });
  it('PyTorch one-cycle steps per batch, over total_steps', () => {
    const text = writeSnippet({ type: 'oneCycle', maxLr: 0.1, totalSteps: 50 }, 'pytorch');
    expect(text).toContain('for step in range(50):  # one step per batch');
    expect(text).toMatch(/OneCycleLR\(optimizer, max_lr=0.1, total_steps=50, .*three_phase=False/);
  });
  it('HF, timm, Keras, optax: the library call with the written configuration', () => {
    expect(writeSnippet({ type: 'warmup', steps: 10, startFactor: 0, schedule: { type: 'cosine', tMax: 90, minFactor: 0.1 } }, 'hf', { baseLr: 3e-4 })).toContain(
      'scheduler = get_scheduler(\n    "cosine_with_min_lr",\n    optimizer,\n    num_warmup_steps=10,\n    num_training_steps=100,\n    scheduler_specific_kwargs={"min_lr_rate": 0.1},\n)',
    );
    expect(writeSnippet({ type: 'multiStep', milestones: [30, 60], gamma: 0.1 }, 'timm', { baseLr: 0.1 })).toContain(
      'scheduler, num_epochs = create_scheduler_v2(optimizer, step_on_epochs=True, sched="multistep", num_epochs=70, decay_milestones=[31, 61], decay_rate=0.1)',
    );
    expect(writeSnippet({ type: 'step', stepSize: 10, gamma: 0.5 }, 'keras', { baseLr: 0.1 })).toContain(
      'keras.optimizers.schedules.deserialize({"module": "keras.optimizers.schedules", "class_name": "ExponentialDecay", "config": {"initial_learning_rate": 0.1, "decay_steps": 10, "decay_rate": 0.5, "staircase": True}, "registered_name": None})',
    );
    expect(writeSnippet({ type: 'piecewiseConstant', boundaries: [30, 80], values: [1, 0.5, 0.1] }, 'optax', { baseLr: 0.1 })).toContain(
      'schedule = optax.schedules.piecewise_constant_schedule(init_value=0.1, boundaries_and_scales={30: 0.5, 80: 0.2})',
    );
  });
  it('Python literals', () => {
    expect(pythonLiteral({ a: [true, false, null], b: 'x"y', c: 1e-7 })).toBe('{"a": [True, False, None], "b": "x\\"y", "c": 1e-7}');
  });
});
