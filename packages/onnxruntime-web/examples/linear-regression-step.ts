/**
 * The example graph builder now ships in the package, as `@anneal/onnxruntime-web/graphs` (no dependency);
 * this file re-exports it for the tests and examples that import it from here.
 *
 * @packageDocumentation
 */
export { linearRegressionStep, type LinearRegressionStepOptions } from '../src/graphs.js';
