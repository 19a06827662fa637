/**
 * The schedules the playground offers, derived from @anneal/core's descriptors: every leaf schedule
 * (combinators aside; the playground adds its own warmup) with its label, its PyTorch class and keywords,
 * and one control per option, whose range and initial value come from the option's sample metadata.
 * A schedule added to the registry appears here without a change to the site.
 */
import { SCHEDULE_DESCRIPTORS, type OptionMeta, type ScheduleDescriptor } from '@anneal/core/meta';

export type ParamKind = 'number' | 'int' | 'boolean' | 'select' | 'list' | 'optional';

export interface ParamDef {
  key: string;
  label: string;
  kind: ParamKind;
  /** The control's initial value: the option's sample (`''` for an option a sample leaves out). */
  default: number | boolean | string;
  min?: number;
  max?: number;
  step?: number;
  options?: readonly string[];
  /** PyTorch's name for it, when it has one. */
  torch?: string;
  help?: string;
}

export interface KindDef {
  type: string;
  label: string;
  /** The PyTorch class, or `LambdaLR` for a schedule PyTorch has no class for. */
  torch: string;
  params: ParamDef[];
}

/** A value as a control shows it. */
function shown(value: unknown): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** `when` metadata as help text: "only used when mode is exp_range". */
function whenHelp(when: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (when === undefined) return undefined;
  const conditions = Object.entries(when).map(([k, v]) => `${k} is ${shown(v)}`);
  return `only used when ${conditions.join(' and ')}`;
}

/** The control of one option, or `null` for options the playground does not show (functions, inert ones). */
function paramOf(descriptor: ScheduleDescriptor, key: string, meta: OptionMeta): ParamDef | null {
  if (meta.kind === 'function' || meta.kind === 'inert') return null;
  const keyword = descriptor.torch?.kwargs[key];
  const help: string[] = [];
  const base = { key, label: key, ...(keyword === undefined ? {} : { torch: keyword }) };
  let param: ParamDef;
  switch (meta.kind) {
    case 'number':
    case 'integer': {
      const range = { min: meta.min, max: meta.max, step: meta.step ?? (meta.kind === 'integer' ? 1 : (meta.max - meta.min) / 100) };
      if (meta.absentInSample === true) {
        param = { ...base, kind: 'optional', default: '', ...range };
        help.push('empty: absent');
      } else {
        param = { ...base, kind: meta.kind === 'integer' ? 'int' : 'number', default: meta.sample, ...range };
      }
      break;
    }
    case 'boolean':
      param = { ...base, kind: 'boolean', default: meta.sample };
      break;
    case 'choice':
      param = { ...base, kind: 'select', default: meta.sample, options: meta.choices };
      break;
    case 'steps':
      param = { ...base, kind: 'list', default: shown(meta.sample), min: 0, max: meta.max };
      help.push('comma-separated steps, non-decreasing');
      break;
    case 'numbers': {
      param = { ...base, kind: 'list', default: shown(meta.sample), min: meta.min, max: meta.max };
      const { lengthOf } = meta;
      const count = lengthOf === undefined ? '' : `; as many as ${lengthOf.option}${lengthOf.offset === 0 ? '' : ` + ${lengthOf.offset}`}`;
      help.push(`comma-separated numbers${count}`);
      break;
    }
  }
  const when = whenHelp(meta.when);
  if (when !== undefined) help.push(when);
  if (descriptor.torch !== undefined && keyword === undefined) help.push(`no ${descriptor.torch.class} keyword: anneal only`);
  if (help.length > 0) param.help = help.join('; ');
  return param;
}

/** The playground's entry for a leaf descriptor. */
export function kindOfDescriptor(descriptor: ScheduleDescriptor): KindDef {
  const params = Object.entries(descriptor.options)
    .map(([key, meta]) => paramOf(descriptor, key, meta))
    .filter((p): p is ParamDef => p !== null);
  return { type: descriptor.type, label: descriptor.label, torch: descriptor.torch?.class ?? 'LambdaLR', params };
}

/** Every leaf schedule (no children), in the registry's order. */
export const CATALOG: readonly KindDef[] = SCHEDULE_DESCRIPTORS.filter((d) => d.children === undefined).map(kindOfDescriptor);

export type ParamValues = Record<string, number | boolean | string>;

export function defaults(kind: KindDef): ParamValues {
  return Object.fromEntries(kind.params.map((p) => [p.key, p.default]));
}

/** The anneal JSON spec for a kind and its control values (before validation by @anneal/core). */
export function buildSpec(kind: KindDef, values: ParamValues, warmup: { steps: number; startFactor: number }): Record<string, unknown> {
  const spec: Record<string, unknown> = { type: kind.type };
  for (const p of kind.params) {
    const v = values[p.key] ?? p.default;
    if (p.kind === 'boolean') spec[p.key] = Boolean(v);
    else if (p.kind === 'select') spec[p.key] = String(v);
    else if (p.kind === 'list') {
      spec[p.key] = String(v)
        .split(/[\s,]+/)
        .filter((s) => s !== '')
        .map(Number);
    } else if (p.kind === 'optional') {
      if (String(v).trim() !== '') spec[p.key] = Number(v);
    } else spec[p.key] = String(v).trim() === '' ? Number.NaN : Number(v);
  }
  if (warmup.steps > 0) return { type: 'warmup', steps: warmup.steps, startFactor: warmup.startFactor, schedule: spec };
  return spec;
}

/** A short legend label: the schedule type with its first parameter and every parameter changed from its default. */
export function shortLabel(kind: KindDef, values: ParamValues, warmup: { steps: number; startFactor: number }): string {
  const listed = kind.params.filter((p, i) => i === 0 || String(values[p.key] ?? p.default) !== String(p.default));
  const args = listed.map((p) => `${p.key} ${String(values[p.key] ?? p.default)}`).join(', ');
  const main = `${kind.type}(${args})`;
  return warmup.steps > 0 ? `warmup(${warmup.steps}${warmup.startFactor ? `, from ${warmup.startFactor}` : ''}) → ${main}` : main;
}
