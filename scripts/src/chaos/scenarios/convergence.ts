import type { Scenario } from '../context.js';
import { fuzzConvergence, type FuzzResult } from '../convergenceFuzz.js';
import { PINNED_SEEDS } from '../convergenceSeeds.js';

/** Seeded random stroke operations across in-process documents: all converge byte-equal. */
export const convergence: Scenario = {
  name: 'convergence',
  async run({ tier, random, figures, say }) {
    const { seeds, peers, operations } = tier.fuzz;
    const cases = [
      ...PINNED_SEEDS.map((pinned) => ({ ...pinned })),
      ...Array.from({ length: seeds }, (_, i) => ({
        seed: random.fork(i).int(1, 2 ** 31 - 1),
        peers,
        operations,
      })),
    ];
    const failures: FuzzResult[] = [];
    let ops = 0;
    let strokes = 0;
    for (const fuzzCase of cases) {
      const result = fuzzConvergence(fuzzCase.seed, fuzzCase);
      ops += fuzzCase.operations;
      strokes += result.strokes;
      if (result.problem) {
        failures.push(result);
        say(
          `seed ${result.seed} (${fuzzCase.peers} peers, ${fuzzCase.operations} operations) fails: ${result.problem} — pin it in convergenceSeeds.ts`,
        );
      }
      // Let timers (the suite's progress, other work) run between cases.
      await new Promise((resolve) => setImmediate(resolve));
    }
    figures.add('seeded cases run', cases.length, 'yjs', { min: 1 });
    figures.add('random operations applied', ops, 'yjs');
    figures.add('strokes on converged boards', strokes, 'yjs');
    figures.add('cases not converging byte-equal', failures.length, 'yjs', { max: 0 });
    if (failures.length > 0) say(`failing seeds: ${failures.map((f) => f.seed).join(', ')}`);
  },
};
