/**
 * The text of `anneal replay`: core's report, so `anneal replay` and `pnpm replay` print the same bytes.
 *
 * @packageDocumentation
 */
export { formatReplayFile, formatReplaySummary } from '@anneal/core/replay';
