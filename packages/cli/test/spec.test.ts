import { describe, expect, it } from 'vitest';
import { scheduleFromJSON } from '@anneal/core/json';
import { parseShortSpec, parseShortValue, scheduleType } from '../src/spec.js';
import { UsageError } from '../src/errors.js';

describe('the short form', () => {
  it('maps TYPE:KEY=VALUE to anneal JSON, type names matched loosely', () => {
    expect(parseShortSpec('cosine:tMax=20,etaMin=0')).toEqual({ type: 'cosine', tMax: 20, etaMin: 0 });
    expect(parseShortSpec('onecycle:totalSteps=100,maxLr=0.1')).toEqual({ type: 'oneCycle', totalSteps: 100, maxLr: 0.1 });
    expect(parseShortSpec('SGDR:t0=10,tMult=2')).toEqual({ type: 'sgdr', t0: 10, tMult: 2 });
    expect(parseShortSpec('inverse_sqrt')).toEqual({ type: 'inverseSqrt' });
    expect(parseShortSpec('multi-step:milestones=[30, 60],gamma=0.1')).toEqual({ type: 'multiStep', milestones: [30, 60], gamma: 0.1 });
    expect(scheduleType('nosuch')).toBe('nosuch');
  });

  it('parses numbers, booleans, arrays and words', () => {
    expect(parseShortValue('1e-4')).toBe(1e-4);
    expect(parseShortValue('-2.5')).toBe(-2.5);
    expect(parseShortValue('1e+5')).toBe(1e5);
    expect(parseShortValue('Infinity')).toBe(Infinity);
    expect(parseShortValue('true')).toBe(true);
    expect(parseShortValue('false')).toBe(false);
    expect(parseShortValue('[]')).toEqual([]);
    expect(parseShortValue('[1,[2,3]]')).toEqual([1, [2, 3]]);
    expect(parseShortValue('triangular2')).toBe('triangular2');
    expect(parseShortValue('0x10')).toBe('0x10');
  });

  it('nests warmup prefixes joined with +, and does not split a + inside a number', () => {
    expect(parseShortSpec('warmup:steps=5+cosine:tMax=20')).toEqual({ type: 'warmup', steps: 5, schedule: { type: 'cosine', tMax: 20 } });
    expect(parseShortSpec('warmup:steps=2+warmup:steps=3,startFactor=0.5+exponential:gamma=1e+0')).toEqual({
      type: 'warmup',
      steps: 2,
      schedule: { type: 'warmup', steps: 3, startFactor: 0.5, schedule: { type: 'exponential', gamma: 1 } },
    });
  });

  it('builds the same schedule as the JSON it stands for', () => {
    const a = scheduleFromJSON(parseShortSpec('warmup:steps=5,startFactor=0.1+sgdr:t0=10,tMult=2,etaMin=0.001'));
    const b = scheduleFromJSON({ type: 'warmup', steps: 5, startFactor: 0.1, schedule: { type: 'sgdr', t0: 10, tMult: 2, etaMin: 0.001 } });
    expect(a.toJSON()).toEqual(b.toJSON());
    for (const t of [0, 3.5, 5, 14.999, 15, 35, 100]) expect(a.lr(t, 0.1)).toBe(b.lr(t, 0.1));
  });

  it.each([
    ['', /empty schedule/],
    ['cosine:tMax', /expected KEY=VALUE, got "tMax"/],
    ['cosine:=3', /expected KEY=VALUE/],
    ['cosine:tMax=1,tMax=2', /tMax given twice/],
    ['cosine:type=sgdr', /type given twice \(or reserved\)/],
    ['multiStep:milestones=[1,2', /unbalanced "\["/],
    ['multiStep:milestones=1,2]', /unbalanced "]"/],
    ['1cosine', /expected a schedule name/],
    ['cosine:tMax=5+warmup:steps=1', /only warmup:\.\.\. can come before "\+"/],
    ['warmup:steps=5', /^"warmup:steps=5": warmup wraps the schedule after it; add one with "\+", e\.g\. warmup:steps=5\+cosine:tMax=20$/],
    ['multiStep:milestones=30,60', /^"multiStep:milestones=30,60": expected KEY=VALUE, got "60"; a list takes brackets: milestones=\[30,60\]$/],
    ["multiStep:gamma=0.5,milestones=30,60,90", /a list takes brackets: milestones=\[30,60,90\]$/],
    ["multiStep:milestones=30,60,gamma=0.5", /a list takes brackets: milestones=\[30,60\]$/],
  ])('refuses %j', (text, message) => {
    expect(() => parseShortSpec(text)).toThrow(UsageError);
    expect(() => parseShortSpec(text)).toThrow(message);
  });
});

describe('the demo install advice', () => {
  it('names the install that makes the peers importable for this anneal', async () => {
    const { installAdvice } = await import('../src/demo/load-modules.js');
    expect(installAdvice('/usr/lib/node_modules/@anneal/cli/dist/cli.js', '/home/me/project')).toBe(
      'npm install -g @tensorflow/tfjs @anneal/tfjs (this anneal is installed globally, so are its peers), or npm install @tensorflow/tfjs @anneal/tfjs in a project and run anneal demo from its folder',
    );
    expect(installAdvice('/home/me/project/node_modules/@anneal/cli/dist/cli.js', '/home/me/project')).toBe('npm install @tensorflow/tfjs @anneal/tfjs');
    expect(installAdvice('/home/me/.npm/_npx/1a2b/node_modules/@anneal/cli/dist/cli.js', '/home/me')).toBe('npx -p @anneal/cli -p @anneal/tfjs -p @tensorflow/tfjs anneal demo');
  });
});
