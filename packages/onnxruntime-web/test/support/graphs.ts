// Tiny graphs for input-resolution tests: each input is echoed to an output named `<input>_out`.
import * as ort from 'onnxruntime-web';
import { encodeModel, type ValueSpec } from '../../src/graphs.js';

/** A session whose graph has `inputs` and returns each as `<name>_out` (Identity). */
export async function echoSession(inputs: readonly ValueSpec[]): Promise<ort.InferenceSession> {
  const bytes = encodeModel({
    name: 'echo',
    inputs,
    outputs: inputs.map((i) => ({ ...i, name: `${i.name}_out` })),
    nodes: inputs.map((i) => ({ op: 'Identity', inputs: [i.name], outputs: [`${i.name}_out`] })),
  });
  return ort.InferenceSession.create(bytes);
}

/** The one element of an output tensor, as a number. */
export function scalarOf(value: unknown): number {
  const data = (value as ort.Tensor).data as ArrayLike<number | bigint>;
  expectOne(data.length);
  return Number(data[0]);
}

function expectOne(n: number): void {
  if (n !== 1) throw new Error(`expected a one-element tensor, got ${n} elements`);
}
