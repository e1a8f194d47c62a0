import type { ScenarioFigures } from './figures.js';
import type { PrivatePostgres } from './infra/privatePostgres.js';
import type { Random } from './random.js';
import type { Tier } from './tier.js';

/** What a scenario gets from the suite. */
export interface ScenarioContext {
  tier: Tier;
  /** Seeded from the run's seed and the scenario's name. */
  random: Random;
  figures: ScenarioFigures;
  /** The suite's own Postgres cluster (never the machine's): `database()` makes a fresh one. */
  database: () => Promise<string>;
  /** The private cluster itself, for scenarios that need more. */
  postgres: PrivatePostgres;
  /** Where processes of the scenario write their output. */
  logFd: number;
  /** Runs after the scenario, last registered first, whether it passed or not. */
  defer: (cleanup: () => unknown) => void;
  /** A progress line. */
  say: (line: string) => void;
}

/** One scenario of the suite. */
export interface Scenario {
  name: string;
  run(context: ScenarioContext): Promise<void>;
}

/** Waits. Scenarios pace faults in wall-clock time; assertions use `eventually`. */
export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
