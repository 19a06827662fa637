/**
 * The playground: pick a schedule, change its parameters, see the curve (drawn by @anneal/core in the
 * page) change at once, pin curves to overlay them, read exact values under the cursor, and copy the
 * configuration as anneal TypeScript, JSON, or the equivalent PyTorch code.
 */
import React, { useEffect, useMemo, useState, type ReactNode } from 'react';
import Layout from '@theme/Layout';
import CodeBlock from '@theme/CodeBlock';
import type { ScheduleSpec } from '@anneal/core';
import { scheduleFromJSON } from '@anneal/core/json';
import SchedulePlot, { type PlotItem } from '../components/SchedulePlot';
import { CATALOG, buildSpec, defaults, shortLabel, type KindDef, type ParamDef, type ParamValues } from '../lib/catalog';
import { toPyTorch, toTypeScript } from '../lib/codegen';
import styles from './playground.module.css';

interface State {
  type: string;
  values: Record<string, ParamValues>;
  baseLr: number;
  steps: number;
  warmupSteps: number;
  warmupStartFactor: number;
  /** A logarithmic rate axis. */
  log: boolean;
  /** Pinned curves: anneal JSON specs with their legend labels and palette indices. */
  pins: Pin[];
}

interface Pin {
  spec: unknown;
  label: string;
  colour: number;
}

/** The lowest palette index no pinned curve uses: the current curve's colour. */
function freeColour(pins: readonly Pin[]): number {
  let c = 0;
  while (pins.some((p) => p.colour === c)) c++;
  return c;
}

const INITIAL: State = {
  type: 'cosine',
  values: Object.fromEntries(CATALOG.map((k) => [k.type, defaults(k)])),
  baseLr: 0.1,
  steps: 100,
  warmupSteps: 0,
  warmupStartFactor: 0,
  log: false,
  pins: [],
};

function kindOf(type: string): KindDef {
  return CATALOG.find((k) => k.type === type) ?? CATALOG[0]!;
}

/** Reads a state saved in the URL hash, ignoring anything malformed. */
function fromHash(hash: string): State | null {
  if (!hash.startsWith('#s=')) return null;
  try {
    const saved = JSON.parse(decodeURIComponent(hash.slice(3))) as Partial<State>;
    const type = CATALOG.some((k) => k.type === saved.type) ? saved.type! : INITIAL.type;
    const values = { ...INITIAL.values };
    for (const k of CATALOG) values[k.type] = { ...values[k.type], ...(saved.values?.[k.type] ?? {}) };
    const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
    // Pinned curves come back only if @anneal/core reads their spec.
    const pins: Pin[] = [];
    for (const p of Array.isArray(saved.pins) ? saved.pins : []) {
      try {
        const spec = scheduleFromJSON(p.spec).toJSON();
        const colour = typeof p.colour === 'number' && Number.isInteger(p.colour) && p.colour >= 0 ? p.colour : freeColour(pins);
        pins.push({ spec, label: String(p.label ?? ''), colour });
      } catch {
        // dropped
      }
    }
    return {
      type,
      values,
      baseLr: num(saved.baseLr, INITIAL.baseLr),
      steps: num(saved.steps, INITIAL.steps),
      warmupSteps: num(saved.warmupSteps, 0),
      warmupStartFactor: num(saved.warmupStartFactor, 0),
      log: saved.log === true,
      pins,
    };
  } catch {
    return null;
  }
}

function ParamControl({ param, value, onChange }: { param: ParamDef; value: number | boolean | string; onChange: (v: number | boolean | string) => void }) {
  const id = `param-${param.key}`;
  const label = (
    <label htmlFor={id} className={styles.label}>
      <code>{param.label}</code>
      {param.torch && <span className={styles.torch}>PyTorch {param.torch}</span>}
    </label>
  );
  if (param.kind === 'boolean') {
    return (
      <div className={styles.control}>
        {label}
        <input id={id} data-param={param.key} type="checkbox" checked={Boolean(value)} onChange={(e) => onChange(e.target.checked)} />
        {param.help && <small className={styles.help}>{param.help}</small>}
      </div>
    );
  }
  if (param.kind === 'select') {
    return (
      <div className={styles.control}>
        {label}
        <select id={id} data-param={param.key} value={String(value)} onChange={(e) => onChange(e.target.value)}>
          {param.options?.map((o) => (
            <option key={o} value={o}>{o}</option>
          ))}
        </select>
        {param.help && <small className={styles.help}>{param.help}</small>}
      </div>
    );
  }
  if (param.kind === 'list' || param.kind === 'optional') {
    return (
      <div className={styles.control}>
        {label}
        <input id={id} data-param={param.key} type="text" value={String(value)} onChange={(e) => onChange(e.target.value)} />
        {param.help && <small className={styles.help}>{param.help}</small>}
      </div>
    );
  }
  return (
    <div className={styles.control}>
      {label}
      <div className={styles.numberRow}>
        <input
          type="range"
          aria-label={`${param.label} slider`}
          min={param.min}
          max={param.max}
          step={param.step}
          value={Number(value)}
          onChange={(e) => onChange(Number(e.target.value))}
        />
        <input
          id={id}
          data-param={param.key}
          type="number"
          step="any"
          value={String(value)}
          onChange={(e) => onChange(e.target.value === '' ? '' : Number(e.target.value))}
        />
      </div>
      {param.help && <small className={styles.help}>{param.help}</small>}
    </div>
  );
}

function CopyButton({ text, what, title }: { text: string; what: string; title: string }) {
  const [done, setDone] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = document.createElement('textarea');
      area.value = text;
      document.body.appendChild(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    setDone(true);
    setTimeout(() => setDone(false), 1500);
  };
  return (
    <button type="button" className="button button--sm button--secondary" data-testid={`copy-${what}`} onClick={copy}>
      {done ? 'Copied' : `Copy ${title}`}
    </button>
  );
}

export default function Playground(): ReactNode {
  const [state, setState] = useState<State>(INITIAL);
  const [tab, setTab] = useState<'ts' | 'json' | 'python'>('ts');
  // Values printed in the code are computed after hydration, by this browser's @anneal/core.
  const [inBrowser, setInBrowser] = useState(false);
  useEffect(() => setInBrowser(true), []);

  useEffect(() => {
    const saved = fromHash(window.location.hash);
    if (saved) setState(saved);
  }, []);
  useEffect(() => {
    const hash = `#s=${encodeURIComponent(JSON.stringify(state))}`;
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  }, [state]);

  const kind = kindOf(state.type);
  const values = state.values[state.type] ?? defaults(kind);
  // A schedule with warmup options of its own (SGDR) gets one set of warmup controls: its own.
  const ownWarmup = kind.params.some((p) => p.key === 'warmupSteps');
  const warmupOptions = ownWarmup ? { steps: 0, startFactor: 0 } : { steps: state.warmupSteps, startFactor: state.warmupStartFactor };
  const rawSpec = buildSpec(kind, values, warmupOptions);
  const label = shortLabel(kind, values, warmupOptions);

  const built = useMemo(() => {
    try {
      const schedule = scheduleFromJSON(rawSpec);
      const spec = schedule.toJSON() as ScheduleSpec & Record<string, unknown>;
      if (!(state.steps >= 1 && state.steps <= 100000)) throw new Error('steps: expected a number from 1 to 100000');
      if (!Number.isFinite(state.baseLr)) throw new Error('base learning rate: expected a finite number');
      const t = Math.min(state.steps, 10);
      return { ok: true as const, schedule, spec, sample: { t, baseLr: state.baseLr, value: schedule.lr(t, state.baseLr) } };
    } catch (error) {
      return { ok: false as const, message: (error as Error).message };
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [JSON.stringify(rawSpec), state.steps, state.baseLr]);

  const set = (patch: Partial<State>) => setState((s) => ({ ...s, ...patch }));
  const setParam = (key: string, v: number | boolean | string) =>
    setState((s) => ({ ...s, values: { ...s.values, [s.type]: { ...s.values[s.type], [key]: v } } }));

  const pinned: PlotItem[] = state.pins.map((p) => ({ spec: p.spec, label: p.label, dashed: true, colour: p.colour }));
  const currentColour = freeColour(state.pins);
  const items: PlotItem[] = built.ok ? [...pinned, { spec: built.spec, label: `current: ${label}`, colour: currentColour }] : pinned;
  const code = built.ok
    ? {
        ts: toTypeScript(built.spec, inBrowser ? built.sample : { ...built.sample, value: null }, state.steps),
        json: JSON.stringify(built.spec, null, 2),
        python: toPyTorch(built.spec, state.baseLr),
      }
    : null;
  const showMomentum = built.ok && built.schedule.momentum !== undefined;

  return (
    <Layout title="Playground" description="Try every anneal schedule, overlay curves, and copy the configuration as TypeScript, JSON or PyTorch.">
      <main className={`container margin-vert--lg ${styles.page}`}>
        <h1>Playground</h1>
        <p>
          Pick a schedule and move its parameters: the curve is computed in this page by <code>@anneal/core</code> as you
          type. Pin a curve to compare it with the next one, point at the plot for exact values, and copy the
          configuration below.
        </p>
        <div className={styles.grid}>
          <form className={styles.controls} onSubmit={(e) => e.preventDefault()} data-testid="playground-controls">
            <div className={styles.control}>
              <label htmlFor="schedule-type" className={styles.label}>schedule</label>
              <select id="schedule-type" data-testid="schedule-type" value={state.type} onChange={(e) => set({ type: e.target.value })}>
                {CATALOG.map((k) => (
                  <option key={k.type} value={k.type}>
                    {k.label} ({k.type})
                  </option>
                ))}
              </select>
              <small className={styles.help}>PyTorch: {kind.torch}</small>
            </div>
            {kind.params.map((p) => (
              <ParamControl key={`${state.type}-${p.key}`} param={p} value={values[p.key] ?? p.default} onChange={(v) => setParam(p.key, v)} />
            ))}
            <hr />
            {ownWarmup ? (
              <small className={styles.help} data-testid="own-warmup">
                {kind.type} has its own warmup options (warmupSteps, warmupStartFactor above): no second warmup in front.
              </small>
            ) : (
              <>
                <ParamControl
                  param={{ key: 'global-warmupSteps', label: 'warmup steps', kind: 'number', default: 0, min: 0, max: 100, step: 1, help: 'linear warmup in front (warmup combinator); 0: none' }}
                  value={state.warmupSteps}
                  onChange={(v) => set({ warmupSteps: v === '' ? 0 : Number(v) })}
                />
                <ParamControl
                  param={{ key: 'global-warmupStartFactor', label: 'warmup startFactor', kind: 'number', default: 0, min: 0, max: 1, step: 0.05 }}
                  value={state.warmupStartFactor}
                  onChange={(v) => set({ warmupStartFactor: Number(v) })}
                />
              </>
            )}
            <div className={styles.control}>
              <label htmlFor="log-scale" className={styles.label}>
                logarithmic rate axis
              </label>
              <input id="log-scale" data-testid="log-scale" type="checkbox" checked={state.log} onChange={(e) => set({ log: e.target.checked })} />
            </div>
            <ParamControl
              param={{ key: 'global-baseLr', label: 'base learning rate', kind: 'number', default: 0.1, min: 0.001, max: 1, step: 0.001 }}
              value={state.baseLr}
              onChange={(v) => set({ baseLr: v === '' ? Number.NaN : Number(v) })}
            />
            <ParamControl
              param={{ key: 'global-steps', label: 'steps shown', kind: 'number', default: 100, min: 10, max: 1000, step: 10 }}
              value={state.steps}
              onChange={(v) => set({ steps: v === '' ? Number.NaN : Number(v) })}
            />
          </form>
          <div className={styles.output}>
            <div className={styles.buttons}>
              <button
                type="button"
                className="button button--sm button--primary"
                data-testid="pin"
                disabled={!built.ok}
                onClick={() => built.ok && setState((s) => ({ ...s, pins: [...s.pins, { spec: built.spec, label, colour: freeColour(s.pins) }] }))}
              >
                Pin this curve
              </button>
              <button type="button" className="button button--sm button--secondary" data-testid="clear-pins" disabled={state.pins.length === 0} onClick={() => set({ pins: [] })}>
                Clear pinned ({state.pins.length})
              </button>
            </div>
            {!built.ok && (
              <div className="alert alert--danger" role="alert" data-testid="playground-error">
                {built.message}
              </div>
            )}
            {items.length > 0 && Number.isFinite(state.baseLr) && state.steps >= 1 && (
              <SchedulePlot schedules={items} steps={state.steps} baseLr={state.baseLr} testId="playground-plot" height={320} yLog={state.log} />
            )}
            {showMomentum && built.ok && (
              <SchedulePlot
                spec={built.spec}
                label={`momentum: ${label}`}
                steps={state.steps}
                baseLr={state.baseLr}
                quantity="momentum"
                testId="playground-momentum-plot"
                height={200}
              />
            )}
            {code && (
              <div className={styles.code}>
                <div className={styles.tabs} role="tablist">
                  {(
                    [
                      ['ts', 'anneal TypeScript'],
                      ['json', 'JSON'],
                      ['python', 'PyTorch'],
                    ] as const
                  ).map(([key, title]) => (
                    <button
                      key={key}
                      type="button"
                      role="tab"
                      aria-selected={tab === key}
                      className={`button button--sm ${tab === key ? 'button--primary' : 'button--outline button--secondary'}`}
                      onClick={() => setTab(key)}
                    >
                      {title}
                    </button>
                  ))}
                  <CopyButton text={code[tab]} what={tab} title={tab === 'ts' ? 'TypeScript' : tab === 'json' ? 'JSON' : 'PyTorch'} />
                </div>
                <div data-testid="code-ts" hidden={tab !== 'ts'}>
                  <CodeBlock language="ts">{code.ts}</CodeBlock>
                </div>
                <div data-testid="code-json" hidden={tab !== 'json'}>
                  <CodeBlock language="json">{code.json}</CodeBlock>
                </div>
                <div data-testid="code-python" hidden={tab !== 'python'}>
                  <CodeBlock language="python">{code.python}</CodeBlock>
                </div>
              </div>
            )}
          </div>
        </div>
      </main>
    </Layout>
  );
}
