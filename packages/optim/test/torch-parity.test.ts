// The reference optimizers against trajectories recorded from the real PyTorch 1.13.1
// (scripts/record-torch.py): same rates, momenta and gradients in, same parameters out.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Adam, AdamW, SGD, parameter, type AdamOptions, type SGDOptions } from '@anneal/optim';

interface TraceStep {
  lr: number;
  momentum?: number;
  beta1?: number;
  grads: number[][];
  params: number[][];
}
interface TraceCase {
  name: string;
  optimizer: 'SGD' | 'Adam' | 'AdamW';
  options: Record<string, unknown>;
  initial: number[][];
  steps: TraceStep[];
}

const trace = JSON.parse(readFileSync(new URL('./fixtures/torch-optimizers.json', import.meta.url), 'utf8')) as {
  format: string;
  cases: TraceCase[];
};

function build(c: TraceCase) {
  const params = c.initial.map((v) => parameter(v));
  if (c.optimizer === 'SGD') return { params, optimizer: new SGD(params, c.options as unknown as SGDOptions) };
  const Ctor = c.optimizer === 'Adam' ? Adam : AdamW;
  return { params, optimizer: new Ctor(params, c.options as AdamOptions) };
}

describe('parity with torch.optim (float64)', () => {
  it('has the expected fixture', () => {
    expect(trace.format).toBe('anneal-optim-trace/1');
    expect(trace.cases.map((c) => c.name)).toHaveLength(10);
  });

  for (const c of trace.cases) {
    it(c.name, () => {
      const { params, optimizer } = build(c);
      const group = optimizer.paramGroups[0]!;
      let worst = 0;
      for (const row of c.steps) {
        group.lr = row.lr;
        if (row.momentum !== undefined) (group as { momentum: number }).momentum = row.momentum;
        if (row.beta1 !== undefined) (group as { betas: [number, number] }).betas[0] = row.beta1;
        params.forEach((p, i) => p.grad.set(row.grads[i]!));
        optimizer.step();
        params.forEach((p, i) => {
          row.params[i]!.forEach((expected, j) => {
            const got = p.value[j]!;
            worst = Math.max(worst, Math.abs(got - expected) / Math.max(Math.abs(expected), 1e-300));
          });
        });
      }
      // PyTorch's CPU kernels may fuse a multiply-add; anything beyond a few ulps would be a different rule.
      expect(worst).toBeLessThan(1e-14);
    });
  }
});
