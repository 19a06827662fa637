/**
 * Finding the learning-rate and step inputs of a session's graph and checking that the feeder can fill them.
 *
 * @packageDocumentation
 */
import { InvalidParameterError } from '@anneal/core';
import { GraphInputTypeError, MissingGraphInputError } from './errors.js';
import type { FeedElementType, InputMetadataLike, SessionLike } from './ort-types.js';

/** Input names taken as the learning rate when no `lrInput` option is given, in order of preference. */
export const LR_INPUT_NAMES: readonly string[] = Object.freeze(['lr', 'learning_rate']);

/** Input names taken as the step counter when no `stepInput` option is given. */
export const STEP_INPUT_NAMES: readonly string[] = Object.freeze(['step']);

/** A resolved graph input: its name, the element type to feed and the dims of the one-element tensor. */
export interface ResolvedInput {
  /** The input's name in the graph. */
  readonly name: string;
  /** The element type the tensor is created with. */
  readonly type: FeedElementType;
  /** `[]` (a scalar) or `[1]`. */
  readonly dims: readonly [] | readonly [1];
}

/** What one slot (learning rate or step) accepts. */
interface Slot {
  role: string;
  option: string;
  conventions: readonly string[];
  types: readonly FeedElementType[];
  fallbackType: FeedElementType;
  expected: string;
}

const LR_SLOT: Slot = {
  role: 'learning-rate input',
  option: 'lrInput',
  conventions: LR_INPUT_NAMES,
  types: ['float32', 'float64'],
  fallbackType: 'float32',
  expected: 'the name of a graph input (a non-empty string)',
};

const STEP_SLOT: Slot = {
  role: 'step input',
  option: 'stepInput',
  conventions: STEP_INPUT_NAMES,
  types: ['int64', 'int32', 'float32', 'float64'],
  fallbackType: 'int64',
  expected: 'the name of a graph input (a non-empty string), or false to feed no step',
};

function metadataOf(session: SessionLike, name: string): InputMetadataLike | undefined {
  const list = session.inputMetadata;
  if (!Array.isArray(list)) return undefined;
  return (list as readonly InputMetadataLike[]).find((m) => m?.name === name);
}

function describeShape(shape: readonly (number | string)[]): string {
  return `[${shape.map((d) => (typeof d === 'string' ? d : String(d))).join(', ')}]`;
}

/** Checks the declared type and shape; without metadata, falls back to the slot's default type and a scalar. */
function check(session: SessionLike, name: string, slot: Slot): ResolvedInput {
  const meta = metadataOf(session, name);
  if (meta === undefined || typeof meta.type !== 'string') {
    if (meta?.isTensor === false) throw new GraphInputTypeError(name, 'type', 'a tensor', 'a non-tensor value');
    return { name, type: slot.fallbackType, dims: [] };
  }
  if (!(slot.types as readonly string[]).includes(meta.type)) {
    throw new GraphInputTypeError(name, 'type', slot.types.join(' or '), meta.type);
  }
  const shape = Array.isArray(meta.shape) ? meta.shape : [];
  let dims: readonly [] | readonly [1];
  if (shape.length === 0) dims = [];
  else if (shape.length === 1 && shape[0] === 1) dims = [1];
  else throw new GraphInputTypeError(name, 'shape', 'a scalar [] or [1]', describeShape(shape));
  return { name, type: meta.type as FeedElementType, dims };
}

function findByName(session: SessionLike, requested: unknown, slot: Slot): ResolvedInput {
  if (typeof requested !== 'string' || requested === '') {
    throw new InvalidParameterError(slot.option, requested, slot.expected);
  }
  if (!session.inputNames.includes(requested)) {
    throw new MissingGraphInputError(slot.role, [requested], session.inputNames, `Check the ${slot.option} option against the exported graph.`);
  }
  return check(session, requested, slot);
}

/**
 * The learning-rate input: the one named `requested`, or else the single input named as in
 * {@link LR_INPUT_NAMES}.
 * @throws {@link MissingGraphInputError} when there is no such input.
 * @throws {@link GraphInputTypeError} when it is not a float32/float64 scalar or `[1]` tensor.
 * @throws InvalidParameterError when `requested` is not a non-empty string, or several conventional names match.
 */
export function resolveLrInput(session: SessionLike, requested: string | undefined): ResolvedInput {
  if (requested !== undefined) return findByName(session, requested, LR_SLOT);
  const matches = LR_INPUT_NAMES.filter((n) => session.inputNames.includes(n));
  if (matches.length === 0) {
    throw new MissingGraphInputError(
      LR_SLOT.role,
      LR_INPUT_NAMES,
      session.inputNames,
      'Export the graph with a float scalar input named "lr", or pass { lrInput: "<name>" }.',
    );
  }
  if (matches.length > 1) {
    throw new InvalidParameterError('lrInput', undefined, `set: the graph has inputs ${matches.map((m) => JSON.stringify(m)).join(' and ')}; name the one to feed`);
  }
  return check(session, matches[0]!, LR_SLOT);
}

/**
 * The step input: the one named `requested`; with `false`, none; without the option, the input named
 * as in {@link STEP_INPUT_NAMES} if the graph has one, else none.
 * @throws {@link MissingGraphInputError} when `requested` names no input.
 * @throws {@link GraphInputTypeError} when it is not an int64/int32/float32/float64 scalar or `[1]` tensor.
 * @throws InvalidParameterError when `requested` is neither a non-empty string nor `false`.
 */
export function resolveStepInput(session: SessionLike, requested: string | false | undefined): ResolvedInput | null {
  if (requested === false) return null;
  if (requested !== undefined) return findByName(session, requested, STEP_SLOT);
  const name = STEP_INPUT_NAMES.find((n) => session.inputNames.includes(n));
  return name === undefined ? null : check(session, name, STEP_SLOT);
}
