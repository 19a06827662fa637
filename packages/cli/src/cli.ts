#!/usr/bin/env node
// The `anneal` executable: runs the command line and exits with its status.
import { main } from './main.js';

// `anneal values ... | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`anneal: internal error: ${String(error)}\n`);
    process.exitCode = 1;
  },
);
