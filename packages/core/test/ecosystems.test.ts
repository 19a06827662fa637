// Golden values from the real libraries (tools/ecosystem-traces/record.py: HF transformers, timm, Keras on
// JAX, optax, all in float64), replayed without Python: each recorded configuration is read by
// scheduleFromJSON exactly as the library was given it, and anneal's rates must equal the library's.
// The name lists recorded from each library must equal the reader tables' keys, so a name a new release
// adds fails here until its table has an entry.
import { describe, expect, it } from 'vitest';
import { ecosystemFromJSON, HF_SCHEDULERS, KERAS_SCHEDULES, OPTAX_SCHEDULES, TIMM_SCHEDULERS } from '../src/json.js';

import { load, replay, TOLERANCE } from './ecosystem-replay.js';

const TABLES = { hf: HF_SCHEDULERS, timm: TIMM_SCHEDULERS, keras: KERAS_SCHEDULES, optax: OPTAX_SCHEDULES } as const;

for (const eco of ['hf', 'timm', 'keras', 'optax'] as const) {
  const fixture = load(eco);
  describe(`${fixture.library} ${fixture.version}: ${fixture.cases.length} recorded configurations`, () => {
    it('the reader table has exactly the names the library has', () => {
      expect(Object.keys(TABLES[eco]).sort()).toEqual([...fixture.names].sort());
    });
    fixture.cases.forEach((c, i) => {
      it(`#${i} ${JSON.stringify(c.config).slice(0, 160)}${c.baseLr === undefined ? '' : ` at lr ${c.baseLr}`}`, () => {
        const { deviation, worst, anneal } = replay(c);
        expect(deviation, `step ${c.steps?.[worst] ?? worst}: anneal ${anneal[worst]}, ${fixture.library} ${c.values[worst]}`).toBeLessThanOrEqual(TOLERANCE[eco]);
        const reading = ecosystemFromJSON(c.config);
        if (c.baseLr !== undefined && reading.baseLr !== undefined) expect(reading.baseLr).toBe(c.baseLr);
        if (c.numEpochs !== undefined) expect(reading.steps).toBe(c.numEpochs * ((c.config.step_on_epochs === false ? c.config.updates_per_epoch : 1) as number));
      });
    });
  });
}
