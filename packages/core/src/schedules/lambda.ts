import { createSchedule, type Schedule } from '../schedule.js';
import { fn } from '../internal/validate.js';
import { InvalidParameterError } from '../errors.js';

/** A user function from the step to a multiplier of the base rate. */
export type LrLambda = (t: number) => number;

/** Calls the user's function and refuses a non-finite answer, naming the step. */
export function callLambda(name: string, f: LrLambda, t: number): number {
  const value = f(t);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InvalidParameterError(`${name}(${t})`, value, 'a finite number (the value returned by your function)');
  }
  return value;
}

/**
 * `baseLr · lrLambda(t)` for any user function (PyTorch `LambdaLR`). Holds a function, so it
 * cannot be converted to JSON.
 */
export function lambda(lrLambda: LrLambda): Schedule {
  const f = fn<LrLambda>('lrLambda', lrLambda);
  return createSchedule({ type: 'lambda', spec: null, lr: (t, baseLr) => baseLr * callLambda('lrLambda', f, t) });
}

/**
 * `baseLr · Π_{k=1..floor(t)} lrLambda(k)` (PyTorch `MultiplicativeLR`): each step multiplies the rate
 * by the function's value. Inherently a running product: the first call at step `t` costs O(t), later
 * calls reuse cached prefix products, so sequential use is O(1) per step. Not serializable.
 */
export function multiplicative(lrLambda: LrLambda): Schedule {
  const f = fn<LrLambda>('lrLambda', lrLambda);
  const products = [1];
  const productUpTo = (n: number): number => {
    for (let k = products.length; k <= n; k++) products.push(products[k - 1]! * callLambda('lrLambda', f, k));
    return products[n]!;
  };
  return createSchedule({ type: 'multiplicative', spec: null, lr: (t, baseLr) => baseLr * productUpTo(Math.floor(t)) });
}
