/** What a bundle-size entry imports, its target and its CI limit. */
export interface SizeEntry {
  /** Stable id, used in the JSON. */
  id: string;
  /** The import as a user writes it. */
  title: string;
  /** The entry module esbuild bundles (it re-exports what it imports, so nothing is dropped). */
  code: string;
  /** The goal for the minified + gzipped size, bytes; reported met/missed. Absent: reported only. */
  targetBytes?: number;
  /**
   * The CI budget, bytes: this package's `test` script fails when the minified + gzipped size is
   * above it. Equal to the target once the target is met; until then, the current size plus a little
   * headroom, so that the build fails on any regression while the known gap is being closed.
   */
  limitBytes?: number;
}

const KB = 1024;

/**
 * The entries measured by `pnpm bench` and checked by this package's `test` script. 1 kB = 1024 bytes.
 *
 * - `cosine`: limit = target 1.5 kB (measured 1.23 kB since the serialization tables are tree-shakable).
 * - `whole-core`: above its 8 kB target (measured 14.4 kB; limit = that + ~10%). The JSON readers and
 *   trace replay are 3.5 kB of it and the sixteen scheduler classes 5.1 kB more: without the readers and
 *   replay the rest is 11.0 kB, and only without the schedulers too (5.8 kB) is it under 8 kB, so the
 *   target needs subpath exports (see docs/benchmarks.md). The limit catches regressions.
 */
export const SIZE_ENTRIES: readonly SizeEntry[] = [
  {
    id: 'cosine',
    title: "import { cosine } from '@anneal/core'",
    code: "export { cosine } from '@anneal/core';",
    targetBytes: 1.5 * KB,
    limitBytes: 1.5 * KB,
  },
  { id: 'sgdr', title: "import { sgdr } from '@anneal/core'", code: "export { sgdr } from '@anneal/core';" },
  { id: 'oneCycle', title: "import { oneCycle } from '@anneal/core'", code: "export { oneCycle } from '@anneal/core';" },
  {
    id: 'composition',
    title: "import { warmup, sequence, chain, cosine, constant, exponential } from '@anneal/core'",
    code: "export { warmup, sequence, chain, cosine, constant, exponential } from '@anneal/core';",
  },
  {
    id: 'CosineAnnealingLR',
    title: "import { CosineAnnealingLR } from '@anneal/core'",
    code: "export { CosineAnnealingLR } from '@anneal/core';",
  },
  {
    id: 'whole-core',
    title: "import * from '@anneal/core' (every export)",
    code: "export * from '@anneal/core';",
    targetBytes: 8 * KB,
    limitBytes: 16 * KB,
  },
];
