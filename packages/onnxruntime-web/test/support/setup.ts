// Runs before every test file: onnxruntime-web's wasm backend single-threaded, and any network access an error.
// Under Node, onnxruntime-web 1.30 loads ort-wasm-simd-threaded.{mjs,wasm} from its own dist folder in
// node_modules; the guard makes a regression to fetching them (from a CDN or anywhere) fail the tests.
import * as ort from 'onnxruntime-web';

globalThis.fetch = ((input: unknown) => {
  throw new Error(`network access attempted during tests: ${String(input)}`);
}) as typeof fetch;

ort.env.wasm.numThreads = 1;
ort.env.logLevel = 'error';
