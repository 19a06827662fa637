/**
 * `@anneal/core/replay`: PyTorch trace replay. Runs an `anneal-trace/1` file recorded from PyTorch through
 * anneal's schedulers and reports the deviation of every rate, step by step. A separate entry so that an
 * import of the root entry does not carry it; it shares the root entry's schedulers and error classes.
 *
 * @packageDocumentation
 */

export { parseTrace, type Trace, type TraceCase, type TraceAction } from './replay/trace.js';
export { formatReplayFile, formatReplaySummary } from './replay/report.js';
export {
  replayTrace,
  replayCase,
  pytorchOfTrace,
  TRACE_TOLERANCE,
  type CaseResult,
  type KnownDifference,
  type ReplayOptions,
} from './replay/replay.js';
// PYTORCH_CHANGES (the table of docs/guides/pytorch-versions.mdx) stays out of the bundle: prose, read by the tests.
export { PYTORCH_PROVEN } from './replay/pytorch-changes.js';
