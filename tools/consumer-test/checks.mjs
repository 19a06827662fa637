// What a consumer does with each package: the same small program as ESM, as CJS and as TypeScript.
// A package without an entry here only gets the generic check (its exports load and are not empty).
import { readFileSync } from 'node:fs';

const repo = new URL('../../', import.meta.url);

// @anneal/core: every entry (root, ./schedulers, ./json, ./replay, ./meta, ./adapter), used from ESM and from CJS with the same program; errors
// thrown through each entry are checked by name and by `instanceof` the root entry's classes of the same format.
const coreProgram = `const fail = (message) => { throw new Error(message); };
const expectErrorLater = [];
const v = cosine({ tMax: 10 }).lr(5, 0.1);
if (Math.abs(v - 0.05) > 1e-15) fail('cosine(5) = ' + v);
const opt = { paramGroups: [{ lr: 0.1 }] };
const s = new CosineAnnealingLR(opt, { tMax: 10 });
for (let i = 0; i < 10; i++) s.step();
if (Math.abs(opt.paramGroups[0].lr) > 1e-15) fail('end of cosine = ' + opt.paramGroups[0].lr);
const sg = sgdr({ t0: 10, tMult: 3 });
if (sg.lr(1210, 1) !== 1) fail('sgdr restart at 1210 = ' + sg.lr(1210, 1));

// The json entry.
const t = scheduleFromJSON({ scheduler: 'StepLR', kwargs: { step_size: 2, gamma: 0.5 } });
if (t.lr(4, 1) !== 0.25) fail('StepLR JSON');
// The replay entry: a two-step StepLR trace.
const results = replayTrace({
  format: 'anneal-trace/1',
  cases: [{ name: 'half', scheduler: 'StepLR', kwargs: { step_size: 1, gamma: 0.5 }, groups: [{ lr: 1 }], actions: [{ op: 'step' }, { op: 'step' }], lrs: [[1], [0.5], [0.25]] }],
});
if (results.length !== 1 || results[0].ok !== true || results[0].maxDeviation !== 0) fail('replayTrace: ' + JSON.stringify(results));
// The meta entry: every descriptor's sample reads back through the json entry.
if (SCHEDULE_DESCRIPTORS.length < 17) fail('meta: ' + SCHEDULE_DESCRIPTORS.length + ' descriptors');
for (const d of SCHEDULE_DESCRIPTORS) if (scheduleFromJSON(sampleSpec(d)).type !== d.type) fail('meta sample of ' + d.type);
// The adapter entry: a driver over a pure schedule.
const driver = createScheduleDriver(cosine({ tMax: 10 }), { baseLr: 0.1 });
driver.step();
if (driver.lr() !== cosine({ tMax: 10 }).lr(1, 0.1)) fail('driver lr ' + driver.lr());
expectErrorLater.push(['checkFinite(NaN) from the adapter entry', () => checkFinite('x', NaN)]);
// What moved out of the root entry is not there any more.
for (const name of ['CosineAnnealingLR', 'StepLR', 'ReduceLROnPlateau', 'LRScheduler', 'scheduleFromJSON', 'schedulerFromJSON', 'SCHEDULE_TYPES', 'replayTrace', 'parseTrace', 'cosineAnnealingValue', 'stepFactor', 'createScheduleDriver', 'checkFinite', 'SCHEDULE_DESCRIPTORS']) {
  if (name in root) fail('the root entry still exports ' + name);
}

/** Runs \`fn\`, which must throw an error named \`name\` that is \`instanceof\` \`Class\` and AnnealError. */
function expectError(what, fn, Class, name) {
  let error;
  try { fn(); } catch (e) { error = e; }
  if (error === undefined) fail(what + ': nothing thrown');
  if (error.name !== name) fail(what + ': name is ' + JSON.stringify(error.name) + ', expected ' + JSON.stringify(name));
  if (!(error instanceof Class)) fail(what + ': not instanceof ' + name + ' of the root entry');
  if (!(error instanceof AnnealError)) fail(what + ': not instanceof AnnealError');
  if (!String(error).startsWith(name + ': ')) fail(what + ': String(error) is ' + String(error));
}
expectError('cosine({ tMax: -1 })', () => cosine({ tMax: -1 }), InvalidParameterError, 'InvalidParameterError');
expectError('loadStateDict of another scheduler kind', () => new StepLR({ paramGroups: [{ lr: 1 }] }, { stepSize: 2 }).loadStateDict(s.stateDict()), StateDictError, 'StateDictError');
// Thrown inside the json and replay entries, checked against the root entry's classes: one class identity.
expectError('scheduleFromJSON unknown type', () => scheduleFromJSON({ type: 'nope' }), UnknownScheduleError, 'UnknownScheduleError');
expectError('scheduleFromJSON bad value', () => scheduleFromJSON({ type: 'cosine', tMax: 0 }), InvalidParameterError, 'InvalidParameterError');
expectError('replayTrace of a malformed trace', () => replayTrace({ format: 'other' }), TraceFormatError, 'TraceFormatError');
for (const [what, fn] of expectErrorLater) expectError(what, fn, InvalidParameterError, 'InvalidParameterError');
`;

const coreNames = 'AnnealError, cosine, sgdr, InvalidParameterError, StateDictError, UnknownScheduleError, TraceFormatError';
const schedulerNames = 'CosineAnnealingLR, StepLR';

const coreTypes = (format) => `import { cosine, type Schedule, type ScheduleSpec, InvalidParameterError } from '@anneal/core';
import { CosineAnnealingLR, type OptimizerLike } from '@anneal/core/schedulers';
import { scheduleFromJSON, schedulerFromJSON, SCHEDULE_TYPES, type AnyScheduler, type TorchSchedulerSpec, type ScheduleSpec as JsonScheduleSpec } from '@anneal/core/json';
import { replayTrace, TRACE_TOLERANCE, type CaseResult, type Trace } from '@anneal/core/replay';
import { SCHEDULE_DESCRIPTORS, type ScheduleDescriptor, type ScheduleType } from '@anneal/core/meta';
import { createScheduleDriver, type ScheduleDriver } from '@anneal/core/adapter';
const firstType: ScheduleType = SCHEDULE_DESCRIPTORS[0].type;
const someDescriptor: ScheduleDescriptor = SCHEDULE_DESCRIPTORS[0];
const driver: ScheduleDriver = createScheduleDriver(cosine({ tMax: 10 }), { baseLr: 0.1 });
export const metaOut${format}: [string, string, number] = [firstType, someDescriptor.label, driver.lr()];
// @ts-expect-error the readers are not in the root entry
import { scheduleFromJSON as notInRoot } from '@anneal/core';
// @ts-expect-error nor the replay
import { replayTrace as notInRootEither } from '@anneal/core';
// @ts-expect-error nor the stateful schedulers
import { StepLR as notInRootAtAll } from '@anneal/core';
const s: Schedule = cosine({ tMax: 10, etaMin: 0.001 });
const spec: ScheduleSpec = s.toJSON();
const sameSpec: JsonScheduleSpec = spec;
const back: Schedule = scheduleFromJSON(sameSpec);
const opt: OptimizerLike = { paramGroups: [{ lr: 0.1 }] };
const sched = new CosineAnnealingLR(opt, { tMax: 10 });
const torch: TorchSchedulerSpec = { scheduler: 'StepLR', kwargs: { step_size: 2 } };
const any: AnyScheduler = schedulerFromJSON(opt, torch);
const trace: Trace = { format: 'anneal-trace/1', cases: [] };
const results: CaseResult[] = replayTrace(trace);
const error: InvalidParameterError | undefined = undefined;
export const out${format}: [number, string, number[], number, readonly string[], CaseResult[], number, AnyScheduler, typeof error] = [
  s.lr(1, 0.1), spec.type, sched.getLastLr(), back.lr(1, 0.1), SCHEDULE_TYPES, results, TRACE_TOLERANCE, any, error,
];
`;

const core = {
  esm: `import * as root from '@anneal/core';
import { ${coreNames} } from '@anneal/core';
import { ${schedulerNames} } from '@anneal/core/schedulers';
import { scheduleFromJSON } from '@anneal/core/json';
import { replayTrace } from '@anneal/core/replay';
import { SCHEDULE_DESCRIPTORS, sampleSpec } from '@anneal/core/meta';
import { createScheduleDriver, checkFinite } from '@anneal/core/adapter';
${coreProgram}console.log('esm ok');
`,
  cjs: `const root = require('@anneal/core');
const { ${coreNames} } = root;
const { ${schedulerNames} } = require('@anneal/core/schedulers');
const { scheduleFromJSON } = require('@anneal/core/json');
const { replayTrace } = require('@anneal/core/replay');
const { SCHEDULE_DESCRIPTORS, sampleSpec } = require('@anneal/core/meta');
const { createScheduleDriver, checkFinite } = require('@anneal/core/adapter');
${coreProgram}console.log('cjs ok');
`,
  // types.ts is CommonJS under node16 (the consumer's package.json has no "type"), so it checks the .d.cts;
  // types.mts checks the .d.ts of the import condition.
  ts: coreTypes('Cjs'),
  mts: coreTypes('Esm'),
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
// PyTorch-spelled JSON, and exact resume on a fresh target from the scheduler's state alone.
const json = { scheduler: 'ExponentialLR', kwargs: { gamma: 0.8 } };
const a = { lr: 0.5 };
const run = bindSchedule(a, json);
for (let i = 0; i < 4; i++) run.step();
const saved = JSON.stringify(run.scheduler.stateDict());
const fresh = { lr: 0.5 };
const resumed = bindSchedule(fresh, json);
resumed.scheduler.loadStateDict(JSON.parse(saved));
if (fresh.lr !== a.lr || fresh.lr === 0.5) throw new Error('resumed rate ' + fresh.lr + ' vs ' + a.lr);
run.step(); resumed.step();
if (fresh.lr !== a.lr) throw new Error('resumed step ' + fresh.lr + ' vs ' + a.lr);
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
import { cosine } from '@anneal/core';
import { CosineAnnealingLR } from '@anneal/core/schedulers';
await tf.setBackend('cpu');
const opt = tf.train.sgd(0.1);
const view = bindOptimizer(tf, opt);
const s = new CosineAnnealingLR(view, { tMax: 10 });
s.step();
if (Math.abs(opt.learningRate - cosine({ tMax: 10 }).lr(1, 0.1)) > 1e-15) throw new Error('tfjs rate ' + opt.learningRate);
const cb = annealCallback(tf, { schedule: cosine({ tMax: 10 }), per: 'epoch' });
if (typeof cb.onEpochBegin !== 'function' && typeof cb.onEpochEnd !== 'function') throw new Error('not a callback');

// Exact resume: 6 epochs in one fit() against 3 + 3 on a fresh model and optimizer, the scheduler's state
// through JSON text, a PyTorch-spelled scheduler; every batch's rate must be the same number.
const xs = tf.tensor2d([[1], [2], [3], [4], [5], [6]]);
const ys = tf.tensor2d([[2], [4], [6], [8], [10], [12]]);
const spec = { scheduler: 'CosineAnnealingWarmRestarts', kwargs: { T_0: 4, T_mult: 1, eta_min: 0.001 } };
function model(optimizer) {
  const m = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], kernelInitializer: 'zeros' })] });
  m.compile({ optimizer, loss: 'meanSquaredError' });
  return m;
}
const seen = (optimizer, list) => new tf.CustomCallback({ onBatchBegin: () => { list.push(optimizer.learningRate); } });
const full = [];
const optA = tf.train.sgd(0.05);
await model(optA).fit(xs, ys, { epochs: 6, batchSize: 2, verbose: 0, callbacks: [annealCallback(tf, { scheduler: spec, per: 'batch' }), seen(optA, full)] });
const parts = [];
const optB = tf.train.sgd(0.05);
const first = annealCallback(tf, { scheduler: spec, per: 'batch' });
const mB = model(optB);
await mB.fit(xs, ys, { epochs: 3, batchSize: 2, verbose: 0, callbacks: [first, seen(optB, parts)] });
const saved = JSON.stringify(first.scheduler.stateDict());
const optC = tf.train.sgd(0.05);
const mC = model(optC);
mC.setWeights(mB.getWeights());
await mC.fit(xs, ys, { epochs: 6, initialEpoch: 3, batchSize: 2, verbose: 0, callbacks: [annealCallback(tf, { scheduler: spec, per: 'batch', state: JSON.parse(saved) }), seen(optC, parts)] });
if (full.length !== 18 || JSON.stringify(parts) !== JSON.stringify(full)) throw new Error('resumed ' + parts + ' vs ' + full);

// The step-unit check: a OneCycleLR sized in batches (3 epochs × 3 batches) stepped per epoch stops before training.
let unitError;
try {
  await model(tf.train.momentum(0.01, 0.9)).fit(xs, ys, { epochs: 3, batchSize: 2, verbose: 0, callbacks: [annealCallback(tf, { scheduler: { scheduler: 'OneCycleLR', kwargs: { max_lr: 0.1, total_steps: 9 } }, per: 'epoch' })] });
} catch (e) { unitError = e; }
if (unitError?.name !== 'InvalidParameterError' || !String(unitError.message).startsWith('per must be "batch" for a OneCycleLR sized in batches')) throw new Error('unit check: ' + unitError);
// A stateful scheduler not resumed stops fit({ initialEpoch }) with a SchedulerUsageError.
let resumeError;
try {
  await model(tf.train.sgd(0.1)).fit(xs, ys, { epochs: 4, initialEpoch: 2, verbose: 0, callbacks: [annealCallback(tf, { scheduler: { scheduler: 'ExponentialLR', kwargs: { gamma: 0.5 } }, per: 'epoch' })] });
} catch (e) { resumeError = e; }
if (resumeError?.name !== 'SchedulerUsageError') throw new Error('resume check: ' + resumeError);
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
export const fromTorch = annealCallback(tf, { scheduler: { scheduler: 'StepLR', kwargs: { step_size: 2 } }, per: 'epoch' });
export const kind: string | undefined = fromTorch.scheduler?.kind;
// @ts-expect-error schedule xor scheduler
export const both = () => annealCallback(tf, { schedule: sgdr({ t0: 2 }), scheduler: { scheduler: 'StepLR', kwargs: { step_size: 2 } }, per: 'epoch' });
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

// @anneal/onnxruntime-web: the README's quick start as written (compiled by the consumer's tsc, then run),
// printing what the README says; exact resume with a PyTorch-spelled source.
const ortReadme = readFileSync(new URL('packages/onnxruntime-web/README.md', repo), 'utf8');
const ortPrints = (() => {
  const start = ortReadme.indexOf('```text\n', ortReadme.indexOf('It prints'));
  return ortReadme.slice(start + 8, ortReadme.indexOf('\n```', start) + 1);
})();
const ort = {
  files: {
    'quick-start.mts': readFileSync(new URL('packages/onnxruntime-web/examples/quick-start.ts', repo), 'utf8'),
    'tsconfig.quick-start.json': JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', skipLibCheck: true, types: ['node'] }, files: ['quick-start.mts'] }),
    'expected-quick-start.txt': ortPrints,
  },
  esm: `import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-web';
import { createFeeder } from '@anneal/onnxruntime-web';
import { linearRegressionStep } from '@anneal/onnxruntime-web/graphs';
execFileSync('node_modules/.bin/tsc', ['-p', 'tsconfig.quick-start.json'], { encoding: 'utf8' });
const printed = execFileSync('node', ['quick-start.mjs'], { encoding: 'utf8' });
if (printed !== readFileSync('expected-quick-start.txt', 'utf8')) throw new Error('the quick start printed\\n' + printed);

ort.env.wasm.numThreads = 1;
const session = await ort.InferenceSession.create(linearRegressionStep({ features: 2, lrType: 'float64' }));
const source = { scheduler: 'OneCycleLR', kwargs: { max_lr: 0.3, total_steps: 12 } };
const X = new ort.Tensor('float32', Float32Array.from([1, 0, 0, 1, 1, 1, 2, -1]), [4, 2]);
const y = new ort.Tensor('float32', Float32Array.from([3, -2, 1, 8]), [4]);
async function train(feeder, from, to, W, rates) {
  for (let i = from; i < to; i++) {
    rates.push(feeder.lr);
    W = (await feeder.trainStep({ X, y, W })).W_new;
  }
  return W;
}
const zero = () => new ort.Tensor('float32', new Float32Array(2), [2]);
const full = [];
const Wfull = await train(createFeeder(ort, session, source, { baseLr: 0.1 }), 0, 12, zero(), full);
const parts = [];
const first = createFeeder(ort, session, source, { baseLr: 0.1 });
const W5 = await train(first, 0, 5, zero(), parts);
const saved = JSON.stringify(first.scheduler.stateDict());
const resumed = createFeeder(ort, session, source, { baseLr: 0.1, initialStep: 5, state: JSON.parse(saved) });
const Wend = await train(resumed, 5, 12, W5, parts);
if (JSON.stringify(parts) !== JSON.stringify(full)) throw new Error('resumed rates ' + parts + ' vs ' + full);
if (JSON.stringify(Array.from(Wend.data)) !== JSON.stringify(Array.from(Wfull.data))) throw new Error('resumed weights differ');
let error;
try { createFeeder(ort, session, source, { baseLr: 0.1, initialStep: 5 }); } catch (e) { error = e; }
if (error?.name !== 'SchedulerUsageError') throw new Error('a fresh scheduler at initialStep 5: ' + error);
console.log('esm ok');
`,
  cjs: `const { createFeeder } = require('@anneal/onnxruntime-web');
const { linearRegressionStep, encodeModel } = require('@anneal/onnxruntime-web/graphs');
if (typeof createFeeder !== 'function' || !(linearRegressionStep({ features: 3 }) instanceof Uint8Array) || typeof encodeModel !== 'function') throw new Error('exports');
console.log('cjs ok');
`,
  ts: `import { createFeeder, type ScheduleFeeder, type LrSource } from '@anneal/onnxruntime-web';
import { linearRegressionStep, type GraphSpec } from '@anneal/onnxruntime-web/graphs';
export const bytes: Uint8Array = linearRegressionStep({ features: 2 });
export const source: LrSource = { scheduler: 'CosineAnnealingLR', kwargs: { T_max: 10 } };
export const graph: GraphSpec = { name: 'g', inputs: [], outputs: [], nodes: [] };
export type F = ScheduleFeeder<never>;
export const make = createFeeder;
`,
};

function generic(name) {
  return {
    esm: `import * as m from '${name}';\nif (Object.keys(m).length === 0) throw new Error('no exports');\nconsole.log('esm ok', Object.keys(m).length);\n`,
    cjs: `const m = require('${name}');\nif (Object.keys(m).length === 0) throw new Error('no exports');\nconsole.log('cjs ok');\n`,
    ts: `import * as m from '${name}';\nexport const names: string[] = Object.keys(m);\n`,
  };
}

/**
 * Every error class a package exports, from every entry of its `exports`: constructed with a dummy argument
 * (a one-element array suits every constructor: a path, a value, a list of names), its `name` must be its
 * exported name, in the built ESM and in the built CJS. Bundlers rename classes, so this checks the build.
 */
export function errorNames(specifiers, minimum = 0) {
  const body = (load) => `const failures = [];
let count = 0;
for (const specifier of ${JSON.stringify(specifiers)}) {
  const m = ${load};
  for (const [name, value] of Object.entries(m)) {
    if (typeof value !== 'function' || !(value.prototype instanceof Error)) continue;
    count++;
    const error = new value(['x'], ['x'], ['x'], ['x']);
    if (error.name !== name) failures.push(specifier + ' ' + name + ': name is ' + JSON.stringify(error.name));
  }
}
if (count < ${minimum}) failures.push('found ' + count + ' error classes, expected at least ${minimum}');
if (failures.length > 0) throw new Error(failures.join('\\n'));
console.log(count + ' error classes named correctly');
`;
  return {
    esm: body('await import(specifier)'),
    cjs: body('require(specifier)'),
  };
}

/** The three consumer programs for a package. */
export function checks(name) {
  if (name === '@anneal/core') return core;
  if (name === '@anneal/optim') return optim;
  if (name === '@anneal/tfjs') return tfjs;
  if (name === '@anneal/cli') return cli;
  if (name === '@anneal/onnxruntime-web') return ort;
  return generic(name);
}
