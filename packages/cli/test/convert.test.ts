import { describe, expect, it } from 'vitest';
import { writeConfig, writeSnippet } from '@anneal/core/json';
import { runCli } from './run-cli.js';

const HF_COSINE = '{"type":"warmup","steps":10,"startFactor":0,"schedule":{"type":"cosine","tMax":90}}';

describe('anneal convert', () => {
  it('prints the HF code for a warmup + cosine, at the given base rate', async () => {
    const run = await runCli(['convert', HF_COSINE, '--to', 'hf', '--base-lr', '3e-4']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(writeSnippet(JSON.parse(HF_COSINE), 'hf', { baseLr: 3e-4 }));
    expect(run.stdout).toContain('get_scheduler(\n    "cosine",');
  });
  it('prints the configuration as JSON with --format json (a short form spec as optax)', async () => {
    const run = await runCli(['convert', 'step:stepSize=30,gamma=0.1', '--to', 'optax', '--format', 'json', '--base-lr', '0.1']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ optax: 'exponential_decay', kwargs: { init_value: 0.1, transition_steps: 30, decay_rate: 0.1, staircase: true } });
  });
  it('takes another ecosystem\'s configuration and keeps its base rate (Keras → optax)', async () => {
    const keras = JSON.stringify({ class_name: 'CosineDecay', config: { initial_learning_rate: 0.01, decay_steps: 100, alpha: 0.1 } });
    const run = await runCli(['convert', keras, '--to', 'optax', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(writeConfig({ type: 'cosine', tMax: 100, clamp: true, minFactor: 0.1 }, 'optax', { baseLr: 0.01 }));
  });
  it('PyTorch one-cycle: the loop steps per batch; --steps sets its length', async () => {
    const run = await runCli(['convert', '{"type":"oneCycle","maxLr":0.1,"totalSteps":40}', '--to', 'pytorch', '--steps', '40']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('for step in range(40):  # one step per batch');
  });
  it('refuses what the library cannot express, naming the spec path and the reason (status 2, one line)', async () => {
    const run = await runCli(['convert', '{"type":"warmup","steps":10,"startFactor":0,"schedule":{"type":"cosine","tMax":90,"clamp":true}}', '--to', 'hf']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe("anneal convert: schedule.clamp has no exact HF transformers equivalent: HF's cosine schedules follow the cosine back up past the decay (clamp false)\n");
  });
  it('asks for --to, and checks its value', async () => {
    expect((await runCli(['convert', 'cosine:tMax=10'])).stderr).toMatch(/missing --to \(one of pytorch, hf, timm, keras, optax\)/);
    expect((await runCli(['convert', 'cosine:tMax=10', '--to', 'jax'])).stderr).toMatch(/--to must be one of pytorch, hf, timm, keras, optax/);
  });
});
