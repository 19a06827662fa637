/**
 * The demo's HTML report: the settings, a table of results, and two SVG charts (learning rate and training
 * loss per epoch). One self-contained file: no scripts, no external fonts, styles or images.
 *
 * @packageDocumentation
 */
import { escapeXml, renderSvgChart } from '../svg.js';
import { compact } from '../format.js';
import type { DemoRun } from './schedules.js';
import type { RunResult } from './train.js';
import type { RangeTestResult } from '@anneal/core/adapter';
import { describeSuggestions } from './range-test.js';

/** What the report shows. */
export interface ReportInput {
  /** The runs, in order, with their results. */
  runs: ReadonlyArray<{ run: DemoRun; result: RunResult }>;
  /** The settings (data set, model, optimizer, epochs, ...) as name and description. */
  settings: ReadonlyArray<readonly [string, string]>;
  /** The learning-rate range test run before training, if any. */
  rangeTest?: RangeTestResult;
}

/** The report as an HTML document. */
export function renderReport(input: ReportInput): string {
  const lr = renderSvgChart(
    input.runs.map(({ run, result }) => ({ label: run.spec === run.name ? run.name : `${run.name}: ${run.spec}`, values: result.lrs })),
    { title: 'Learning rate per epoch', xLabel: 'epoch', yLabel: 'learning rate', xStart: 1, width: 760, height: 400 },
  );
  const loss = renderSvgChart(
    input.runs.map(({ run, result }) => ({ label: run.name, values: result.losses })),
    { title: 'Training loss per epoch (log scale)', xLabel: 'epoch', yLabel: 'loss', xStart: 1, width: 760, height: 400, yScale: 'log' },
  );
  const strip = (svg: string) => svg.replace(/^<\?xml[^>]*>\n/, '');
  const range = input.rangeTest;
  const rangeSection =
    range === undefined
      ? ''
      : `<h2>Learning-rate range test</h2>
<p>${escapeXml(describeSuggestions(range, (v) => compact(v, 4)))}. Rates from ${compact(range.options.startLr, 4)} to ${compact(range.options.endLr, 4)}, growing ${range.options.mode === 'exponential' ? 'geometrically' : 'linearly'} with the step.</p>
<figure>
${strip(
  renderSvgChart([{ label: 'smoothed loss', values: range.points.map((p) => p.smoothedLoss) }], {
    title: 'LR range test: smoothed loss per step',
    xLabel: 'step',
    yLabel: 'smoothed loss',
    width: 760,
    height: 360,
  }),
)}</figure>
`;
  const rows = input.runs
    .map(
      ({ run, result }) =>
        `<tr><td>${escapeXml(run.name)}</td><td><code>${escapeXml(run.spec)}</code></td><td>${compact(result.losses.at(-1) ?? NaN, 4)}</td>` +
        `<td>${compact(result.testLoss, 4)}</td><td>${(result.testAccuracy * 100).toFixed(1)}%</td><td>${(result.millis / 1000).toFixed(1)} s</td></tr>`,
    )
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>anneal demo: three learning-rate schedules</title>
<style>
body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; max-width: 800px; margin: 2em auto; padding: 0 1em; color: #222; }
table { border-collapse: collapse; margin: 1em 0; width: 100%; }
th, td { border-bottom: 1px solid #ddd; padding: 0.35em 0.8em; text-align: left; }
td:nth-child(n+3) { text-align: right; font-variant-numeric: tabular-nums; }
code { font-size: 0.85em; word-break: break-all; }
figure { margin: 1.5em 0; }
</style>
</head>
<body>
<h1>anneal demo</h1>
<p>The same model trained three times, with only the learning-rate schedule changing. Every number below comes from this run.</p>
<ul>
${input.settings.map(([key, value]) => `<li><strong>${escapeXml(key)}</strong>: ${escapeXml(value)}</li>`).join('\n')}
</ul>
<table>
<thead><tr><th>run</th><th>schedule (per epoch)</th><th>final loss</th><th>test loss</th><th>test acc.</th><th>time</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<figure>
${strip(lr)}</figure>
<figure>
${strip(loss)}</figure>
${rangeSection}<p>Plot any schedule yourself: <code>anneal plot ${escapeXml(input.runs.map(({ run }) => `'${run.spec}'`).join(' '))} --steps ${input.runs[0]?.result.lrs.length ?? 0}</code></p>
</body>
</html>
`;
}
