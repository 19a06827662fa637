#!/usr/bin/env node
// The README's first command. The real demo (training a TensorFlow.js model three times and charting
// the learning rate and loss) arrives with the `anneal` CLI; until then this says so and exits 0.
console.log('anneal demo: not available yet. It arrives with the `anneal` CLI (training a small');
console.log('TensorFlow.js model with a constant rate, cosine annealing and SGDR). Meanwhile, `npm test`');
console.log('runs every test, and `pnpm replay packages/core/test/fixtures/traces/*.json` replays PyTorch traces.');
