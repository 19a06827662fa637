/** Short human labels for schedule specs (anneal's or PyTorch's spelling), for legends. */

function show(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  if (typeof v === 'object' && v !== null) return '{…}';
  return String(v);
}

/** `cosine(tMax 20)`, `CosineAnnealingLR(T_max=20)`, `warmup(5) → cosine(tMax 95)`. */
export function describeSpec(spec: unknown): string {
  if (typeof spec !== 'object' || spec === null) return String(spec);
  const s = spec as Record<string, unknown>;
  if (typeof s.scheduler === 'string') {
    const kwargs = (s.kwargs ?? s.options ?? {}) as Record<string, unknown>;
    const args = Object.entries(kwargs)
      .filter(([k]) => k !== 'schedulers')
      .map(([k, v]) => `${k}=${show(v)}`);
    return `${s.scheduler}(${args.join(', ')})`;
  }
  const type = String(s.type);
  if (type === 'warmup') return `warmup(${show(s.steps)}) → ${describeSpec(s.schedule)}`;
  if (type === 'sequence' || type === 'chain') {
    const parts = (Array.isArray(s.schedules) ? s.schedules : []).map(describeSpec);
    return type === 'sequence' ? `sequence(${parts.join(' | ')})` : `chain(${parts.join(' × ')})`;
  }
  const args = Object.entries(s)
    .filter(([k]) => k !== 'type')
    .map(([k, v]) => `${k} ${show(v)}`);
  return `${type}(${args.join(', ')})`;
}
