import { closedFormCases } from './closed-form.js';
import { statefulCases } from './stateful.js';
import { farStepCases } from './far-step.js';
import { sampleCases } from './sample.js';
import { adapterCases } from './adapters.js';
import type { BenchCase } from './types.js';

/** Every timed case, in the order the table prints them. */
export const allCases: readonly BenchCase[] = [
  ...closedFormCases,
  ...statefulCases,
  ...farStepCases,
  ...sampleCases,
  ...adapterCases,
];

/** The case with this id. @throws {Error} for an unknown id. */
export function findCase(id: string): BenchCase {
  const found = allCases.find((c) => c.id === id);
  if (found === undefined) throw new Error(`unknown benchmark case ${JSON.stringify(id)}; known: ${allCases.map((c) => c.id).join(', ')}`);
  return found;
}
