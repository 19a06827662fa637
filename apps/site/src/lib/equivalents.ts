/**
 * The names under which other ecosystems spell each anneal schedule kind, for the reference. Derived from the
 * readers' tables in `@anneal/core/json` (each entry states the anneal kind it becomes), so a name appears
 * here exactly when `scheduleFromJSON` reads it; the ecosystem pages (docs/ecosystems) give the keyword
 * mapping and what differs. A kind no entry becomes shows "no direct equivalent".
 */
import { HF_SCHEDULERS, KERAS_SCHEDULES, OPTAX_SCHEDULES, TIMM_SCHEDULERS } from '@anneal/core/json';
import { SCHEDULE_TYPES } from '@anneal/core/meta';

export interface Equivalents {
  hf?: string;
  timm?: string;
  keras?: string;
  optax?: string;
}

/**
 * The anneal kinds an entry's description names outside parentheses (`'warmup + cosine (floor)'` gives
 * warmup and cosine; `'piecewiseInterpolate (linear)'` only piecewiseInterpolate).
 */
function kindsOf(anneal: string | null): Set<string> {
  const words = (anneal ?? '').replace(/\([^)]*\)/g, ' ').split(/[^A-Za-z]+/);
  return new Set(words.filter((w) => (SCHEDULE_TYPES as readonly string[]).includes(w)));
}

function namesFor(table: Readonly<Record<string, { readonly anneal: string | null }>>, type: string, spell: (name: string) => string): string | undefined {
  const names = Object.entries(table)
    .filter(([, entry]) => kindsOf(entry.anneal).has(type))
    .map(([name]) => `\`${spell(name)}\``);
  return names.length === 0 ? undefined : names.join(', ');
}

/** The other ecosystems' names that read as (or around) the schedule kind `type`. */
export function equivalentsOf(type: string): Equivalents {
  const out: Equivalents = {};
  const hf = namesFor(HF_SCHEDULERS, type, (n) => `lr_scheduler_type="${n}"`);
  const timm = namesFor(TIMM_SCHEDULERS, type, (n) => `sched="${n}"`);
  const keras = namesFor(KERAS_SCHEDULES, type, (n) => n);
  const optax = namesFor(OPTAX_SCHEDULES, type, (n) => `optax.${n}`);
  if (hf) out.hf = hf;
  if (timm) out.timm = timm;
  if (keras) out.keras = keras;
  if (optax) out.optax = optax;
  return out;
}
