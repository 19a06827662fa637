/**
 * Times one case in a process of its own, so the JIT's type feedback from other cases cannot help or
 * hurt it; subject and baseline share this process. Usage: `tsx src/worker.ts <case-id>`.
 * Prints one line `RESULT <json>` on stdout.
 */
import { measurePair } from './harness.js';
import { findCase } from './cases/index.js';
import { verifyLoops } from './verify.js';
import type { CaseOutcome } from './result-types.js';

async function main(): Promise<void> {
  const id = process.argv[2];
  if (id === undefined) throw new Error('usage: worker.ts <case-id>');
  const c = findCase(id);
  let outcome: CaseOutcome;
  const loops = await c.setup();
  if (typeof loops === 'string') {
    outcome = { id, status: 'skipped', reason: loops };
  } else {
    const verification = c.verifyIterations > 0 ? await verifyLoops(loops, c.verifyIterations) : undefined;
    if (verification !== undefined && !verification.identical) {
      outcome = { id, status: 'invalid', reason: `baseline and subject disagree: ${JSON.stringify(verification.mismatch)}` };
    } else {
      const m = await measurePair(loops.subject, loops.baseline, c.measure);
      outcome = { id, status: 'measured', measurement: m, verifiedValues: verification?.compared ?? 0 };
    }
  }
  process.stdout.write(`RESULT ${JSON.stringify(outcome)}\n`);
}

main().catch((error: unknown) => {
  const id = process.argv[2] ?? '?';
  process.stdout.write(`RESULT ${JSON.stringify({ id, status: 'error', reason: String((error as Error)?.stack ?? error) })}\n`);
  process.exitCode = 1;
});
