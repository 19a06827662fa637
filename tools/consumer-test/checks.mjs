// What a consumer does with each package: the same small program as ESM, as CJS and as TypeScript.
// A package without an entry here only gets the generic check (its exports load and are not empty).

const core = {
  esm: `import { cosine, CosineAnnealingLR, scheduleFromJSON } from '@anneal/core';
const v = cosine({ tMax: 10 }).lr(5, 0.1);
if (Math.abs(v - 0.05) > 1e-15) throw new Error('cosine(5) = ' + v);
const opt = { paramGroups: [{ lr: 0.1 }] };
const s = new CosineAnnealingLR(opt, { tMax: 10 });
for (let i = 0; i < 10; i++) s.step();
if (Math.abs(opt.paramGroups[0].lr) > 1e-15) throw new Error('end of cosine = ' + opt.paramGroups[0].lr);
const t = scheduleFromJSON({ scheduler: 'StepLR', kwargs: { step_size: 2, gamma: 0.5 } });
if (t.lr(4, 1) !== 0.25) throw new Error('StepLR JSON');
console.log('esm ok', v);
`,
  cjs: `const { sgdr, InvalidParameterError } = require('@anneal/core');
const s = sgdr({ t0: 10, tMult: 3 });
if (s.lr(1210, 1) !== 1) throw new Error('sgdr restart at 1210 = ' + s.lr(1210, 1));
try { sgdr({ t0: 0 }); throw new Error('no error'); } catch (e) { if (!(e instanceof InvalidParameterError)) throw e; }
console.log('cjs ok');
`,
  ts: `import { cosine, type Schedule, type ScheduleSpec, CosineAnnealingLR, type OptimizerLike } from '@anneal/core';
const s: Schedule = cosine({ tMax: 10, etaMin: 0.001 });
const spec: ScheduleSpec = s.toJSON();
const opt: OptimizerLike = { paramGroups: [{ lr: 0.1 }] };
const sched = new CosineAnnealingLR(opt, { tMax: 10 });
const rates: number[] = sched.getLastLr();
export const out: [number, string, number[]] = [s.lr(1, 0.1), spec.type, rates];
`,
};

const optim = {
  esm: `import { bindSchedule, SGD, parameter } from '@anneal/optim';
import { cosine } from '@anneal/core';
const model = { learningRate: 0.1 };
const binding = bindSchedule(model, cosine({ tMax: 10 }));
binding.step();
if (Math.abs(model.learningRate - cosine({ tMax: 10 }).lr(1, 0.1)) > 1e-15) throw new Error('bound rate ' + model.learningRate);
const w = parameter([1, 2]);
const sgd = new SGD([w], { lr: 0.5 });
w.grad.set([1, 1]);
sgd.step();
if (w.value[0] !== 0.5) throw new Error('sgd step ' + w.value[0]);
console.log('esm ok');
`,
  cjs: `const { bindSchedule } = require('@anneal/optim');
const { step } = require('@anneal/core');
let seen = 0;
const b = bindSchedule((lr) => { seen = lr; }, step({ stepSize: 1, gamma: 0.5 }), { baseLr: 1 });
b.step();
if (seen !== 0.5) throw new Error('setter saw ' + seen);
console.log('cjs ok');
`,
  ts: `import { bindSchedule, SGD, parameter } from '@anneal/optim';
import { sgdr } from '@anneal/core';
const w = parameter(new Float64Array(3));
const opt = new SGD([w], { lr: 0.1, momentum: 0.9 });
const binding = bindSchedule(opt, sgdr({ t0: 10, tMult: 2 }));
binding.step();
export const rate: number = binding.lr;
`,
};

const tfjs = {
  esm: `import * as tf from '@tensorflow/tfjs';
import { annealCallback, bindOptimizer } from '@anneal/tfjs';
import { cosine, CosineAnnealingLR } from '@anneal/core';
await tf.setBackend('cpu');
const opt = tf.train.sgd(0.1);
const view = bindOptimizer(tf, opt);
const s = new CosineAnnealingLR(view, { tMax: 10 });
s.step();
if (Math.abs(opt.learningRate - cosine({ tMax: 10 }).lr(1, 0.1)) > 1e-15) throw new Error('tfjs rate ' + opt.learningRate);
const cb = annealCallback(tf, { schedule: cosine({ tMax: 10 }), per: 'epoch' });
if (typeof cb.onEpochBegin !== 'function' && typeof cb.onEpochEnd !== 'function') throw new Error('not a callback');
console.log('esm ok');
`,
  cjs: `const { annealCallback } = require('@anneal/tfjs');
if (typeof annealCallback !== 'function') throw new Error('no annealCallback');
console.log('cjs ok');
`,
  ts: `import * as tf from '@tensorflow/tfjs';
import { annealCallback } from '@anneal/tfjs';
import { sgdr } from '@anneal/core';
export const cb = annealCallback(tf, { schedule: sgdr({ t0: 2 }), per: 'batch', fractionalEpochs: true, stepsPerEpoch: 4 });
`,
};

const cli = {
  esm: `import { execFileSync } from 'node:child_process';
const out = execFileSync('node_modules/.bin/anneal', ['values', 'cosine:tMax=4', '--steps', '5', '--format', 'json'], { encoding: 'utf8' });
const values = JSON.parse(out);
const flat = JSON.stringify(values);
if (!flat.includes('0.5')) throw new Error('anneal values printed ' + out);
const version = execFileSync('node_modules/.bin/anneal', ['--version'], { encoding: 'utf8' }).trim();
if (!/\\d+\\.\\d+\\.\\d+/.test(version)) throw new Error('version ' + version);
console.log('esm ok', version);
`,
  cjs: `const m = require('@anneal/cli');\nif (Object.keys(m).length === 0) throw new Error('no exports');\nconsole.log('cjs ok');\n`,
  ts: `import * as m from '@anneal/cli';\nexport const names: string[] = Object.keys(m);\n`,
};

function generic(name) {
  return {
    esm: `import * as m from '${name}';\nif (Object.keys(m).length === 0) throw new Error('no exports');\nconsole.log('esm ok', Object.keys(m).length);\n`,
    cjs: `const m = require('${name}');\nif (Object.keys(m).length === 0) throw new Error('no exports');\nconsole.log('cjs ok');\n`,
    ts: `import * as m from '${name}';\nexport const names: string[] = Object.keys(m);\n`,
  };
}

/** The three consumer programs for a package. */
export function checks(name) {
  if (name === '@anneal/core') return core;
  if (name === '@anneal/optim') return optim;
  if (name === '@anneal/tfjs') return tfjs;
  if (name === '@anneal/cli') return cli;
  return generic(name);
}
