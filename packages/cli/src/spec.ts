/**
 * The short form of a schedule on the command line: `cosine:tMax=20,etaMin=0.001`.
 *
 * - `TYPE` or `TYPE:KEY=VALUE,KEY=VALUE,...`. `TYPE` is a JSON `type` of `@anneal/core`'s `scheduleFromJSON`
 *   (`constant`, `cosine`, `sgdr`, `oneCycle`, ...), matched ignoring case, `-` and `_` (`onecycle`, `one-cycle`).
 *   The keys are that type's option names, as in JSON (`tMax`, `t0`, `tMult`, `maxLr`, ...).
 * - Values: `true`/`false` are booleans, numbers are numbers (`0.1`, `1e-4`, `-2`, `Infinity`), `[a,b,...]` is an
 *   array (`milestones=[30,60]`), anything else is a string (`mode=triangular2`).
 * - `warmup:steps=N[,startFactor=F]+SCHEDULE` puts a linear warmup in front of a schedule (several `+` nest).
 *
 * The result is anneal's JSON spelling; `scheduleFromJSON` validates it, so unknown types and bad values are
 * reported by `@anneal/core` itself.
 *
 * @packageDocumentation
 */
import { SCHEDULE_TYPES } from '@anneal/core/json';
import { UsageError } from './errors.js';
import { parseNumber } from './args.js';

/** A JSON value as the short form produces it. */
export type ShortValue = number | boolean | string | ShortValue[];

const canonical = (name: string) => name.toLowerCase().replace(/[-_]/g, '');

/** The JSON `type` a short-form name stands for (`onecycle` → `oneCycle`); unknown names are returned as given. */
export function scheduleType(name: string): string {
  const key = canonical(name);
  return SCHEDULE_TYPES.find((t) => canonical(t) === key) ?? name;
}

/** Splits on `separator` outside square brackets. */
function splitTop(text: string, separator: string, where: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth < 0) throw new UsageError(`${where}: unbalanced "]" in ${JSON.stringify(text)}`);
    } else if (c === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (depth !== 0) throw new UsageError(`${where}: unbalanced "[" in ${JSON.stringify(text)}`);
  parts.push(text.slice(start));
  return parts;
}

/** Parses one value of the short form (see the module documentation). */
export function parseShortValue(text: string, where = 'value'): ShortValue {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (/^[+-]?Infinity$/.test(trimmed)) return trimmed.startsWith('-') ? -Infinity : Infinity;
  const number = parseNumber(trimmed);
  if (number !== undefined) return number;
  if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
    const inner = trimmed.slice(1, -1).trim();
    return inner === '' ? [] : splitTop(inner, ',', where).map((item) => parseShortValue(item, where));
  }
  return trimmed;
}

/** Parses one `TYPE:KEY=VALUE,...` part into `{ type, ...options }`. */
function parsePart(part: string, whole: string): Record<string, ShortValue> {
  const colon = part.indexOf(':');
  const name = (colon === -1 ? part : part.slice(0, colon)).trim();
  if (!/^[A-Za-z][\w-]*$/.test(name)) {
    throw new UsageError(`${JSON.stringify(whole)}: expected a schedule name such as cosine or sgdr, got ${JSON.stringify(name)}`);
  }
  const spec: Record<string, ShortValue> = { type: scheduleType(name) };
  const body = colon === -1 ? '' : part.slice(colon + 1);
  if (body.trim() === '') return spec;
  let previous: string | undefined;
  const pairs = splitTop(body, ',', JSON.stringify(whole));
  for (const [i, pair] of pairs.entries()) {
    const eq = pair.indexOf('=');
    const key = (eq === -1 ? '' : pair.slice(0, eq)).trim();
    if (eq === -1 && previous !== undefined && typeof parseShortValue(pair) === 'number') {
      // `milestones=30,60`: the comma ended the value; a list needs brackets.
      const rest = pairs.slice(i);
      const end = rest.findIndex((p) => p.includes('='));
      const items = (end === -1 ? rest : rest.slice(0, end)).map((p) => p.trim());
      throw new UsageError(
        `${JSON.stringify(whole)}: expected KEY=VALUE, got ${JSON.stringify(pair)}; a list takes brackets: ${previous}=[${[String(spec[previous]), ...items].join(',')}]`,
      );
    }
    if (eq === -1 || !/^[A-Za-z_]\w*$/.test(key)) {
      throw new UsageError(`${JSON.stringify(whole)}: expected KEY=VALUE, got ${JSON.stringify(pair)}`);
    }
    previous = key;
    if (key === 'type' || key === 'schedule' || Object.prototype.hasOwnProperty.call(spec, key)) {
      throw new UsageError(`${JSON.stringify(whole)}: ${key} given twice (or reserved)`);
    }
    spec[key] = parseShortValue(pair.slice(eq + 1), JSON.stringify(whole));
  }
  return spec;
}

/**
 * Whether `text` looks like the short form rather than JSON or a file (`@file.json`).
 */
export function isShortForm(text: string): boolean {
  const t = text.trimStart();
  return !(t.startsWith('{') || t.startsWith('@'));
}

/**
 * Turns the short form into anneal's JSON spelling:
 * `warmup:steps=5+cosine:tMax=20` → `{ type: 'warmup', steps: 5, schedule: { type: 'cosine', tMax: 20 } }`.
 *
 * @throws {@link UsageError} when the text is not in the short form's syntax (the values themselves are checked
 *   later by `scheduleFromJSON`).
 */
export function parseShortSpec(text: string): Record<string, unknown> {
  if (text.trim() === '') throw new UsageError('empty schedule (expected e.g. cosine:tMax=20)');
  // `+` joins parts; a `+` inside a number (`1e+5`) is followed by a digit and does not split.
  const parts = text.split(/\+(?=\s*[A-Za-z])/);
  const specs = parts.map((part) => parsePart(part, text));
  let result: Record<string, unknown> = specs[specs.length - 1]!;
  for (let i = specs.length - 2; i >= 0; i--) {
    const prefix = specs[i]!;
    if (prefix.type !== 'warmup') {
      throw new UsageError(`${JSON.stringify(text)}: only warmup:... can come before "+", got ${JSON.stringify(parts[i])}`);
    }
    result = { ...prefix, schedule: result };
  }
  if (specs[specs.length - 1]!.type === 'warmup') {
    throw new UsageError(`${JSON.stringify(text)}: warmup wraps the schedule after it; add one with "+", e.g. ${text.trim()}+cosine:tMax=20`);
  }
  return result;
}
