/**
 * `@anneal/cli`: the `anneal` command (see the README), and its building blocks for scripts: the short form
 * of schedules, terminal and SVG charts, schedule descriptions (the trace replay report is `@anneal/core/replay`'s).
 *
 * @packageDocumentation
 */
export { main, COMMANDS } from './main.js';
export { processIO, useColor, type CliIO, type ColorMode } from './io.js';
export { UsageError } from './errors.js';
export { parseArgs, parseNumber, type FlagSpec, type FlagSpecs, type FlagType, type FlagValue, type ParsedArgs } from './args.js';
export { parseShortSpec, parseShortValue, scheduleType, isShortForm, type ShortValue } from './spec.js';
export { loadSpec, type LoadedSpec } from './load-spec.js';
export type { Series, Extremes } from './series.js';
export { makeScale, logTicks, type Scale, type ScaleKind } from './scale.js';
export { renderTerminalChart, MARKERS, type TerminalChartOptions, type TerminalChartStyle } from './plot-terminal.js';
export { renderSvgChart, escapeXml, SVG_COLORS, type SvgChartOptions } from './svg.js';
export { describeValues, formatDescription, type ScheduleDescription, type StepValue } from './describe.js';
export { exact, compact } from './format.js';
export { VERSION } from './version.js';
export type { Command } from './commands/command.js';
