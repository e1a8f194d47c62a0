import { fileURLToPath } from 'node:url';
import type { Figures } from './figures.js';
import { SCENARIOS } from './scenarios/index.js';
import { runSuite } from './suite.js';
import type { Tier } from './tier.js';

/** test-artifacts/ at the repository root (gitignored). */
export const ARTIFACTS = fileURLToPath(new URL('../../../test-artifacts/', import.meta.url));

export interface ChaosRun {
  figures: Figures;
  ms: number;
  /** Where the figures were written as JSON. */
  json: string;
}

/**
 * Runs the suite (every scenario, or the named ones), prints the figures table and a summary
 * line, and writes the figures as JSON to test-artifacts/chaos-figures[-long].json. Shared by
 * `npm run test:chaos` and the fast tier's jest test.
 */
export async function runChaos(options: {
  tier: Tier;
  seed: number;
  only?: readonly string[];
  print: (line: string) => void;
}): Promise<ChaosRun> {
  const { tier, seed, only, print } = options;
  const unknown = only?.filter((name) => !SCENARIOS.some((s) => s.name === name)) ?? [];
  if (unknown.length > 0)
    throw new Error(
      `no scenario ${unknown.join(', ')}; there are ${SCENARIOS.map((s) => s.name).join(', ')}`,
    );
  print(`chaos suite: ${tier.name} tier, seed ${seed} (replay with --seed=${seed})`);
  const scenarios = SCENARIOS.filter((s) => (only ? only.includes(s.name) : !tier.omit[s.name]));
  if (!only)
    for (const [name, why] of Object.entries(tier.omit))
      print(`not run in this tier: ${name}: ${why}`);
  const { figures, ms } = await runSuite({
    tier,
    seed,
    scenarios,
    logDir: `${ARTIFACTS}chaos-logs`,
    print,
  });
  print(`\n${figures.render()}\n`);
  const json = `${ARTIFACTS}chaos-figures${tier.name === 'long' ? '-long' : ''}.json`;
  figures.write(json, { tier: tier.name, seed, seconds: Math.round(ms / 1000) });
  const summary = ['strokes lost', 'duplicates', 'server crashes caused by input'].map(
    (name) => `${name}: ${figures.total(name)}`,
  );
  print(`${summary.join('; ')}. ${(ms / 1000).toFixed(0)} s. Figures: ${json}`);
  if (figures.failed.length > 0)
    print(`${figures.failed.length} figure(s) missed their bound (seed ${seed}).`);
  return { figures, ms, json };
}
