import { closeSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario, ScenarioContext } from './context.js';
import { Figures } from './figures.js';
import { PrivatePostgres } from './infra/privatePostgres.js';
import { Random } from './random.js';
import type { Tier } from './tier.js';

export interface SuiteOptions {
  tier: Tier;
  seed: number;
  scenarios: readonly Scenario[];
  /** Where logs go (one file per scenario). */
  logDir: string;
  print: (line: string) => void;
}

/**
 * Runs scenarios one after another, each with its own log and cleanups, on a private
 * Postgres cluster; a scenario that throws is recorded as a failed figure and the rest
 * still run.
 */
export async function runSuite(options: SuiteOptions): Promise<{ figures: Figures; ms: number }> {
  const figures = new Figures();
  const started = Date.now();
  mkdirSync(options.logDir, { recursive: true });
  const postgres = await PrivatePostgres.create();
  let databases = 0;
  try {
    for (const [index, scenario] of options.scenarios.entries()) {
      const logPath = join(options.logDir, `${scenario.name}.log`);
      const logFd = openSync(logPath, 'w');
      const cleanups: (() => unknown)[] = [];
      const scenarioStarted = Date.now();
      const context: ScenarioContext = {
        tier: options.tier,
        random: new Random(options.seed).fork(index + 1),
        figures: figures.for(scenario.name),
        postgres,
        database: () =>
          postgres.createDatabase(`chaos_${scenario.name.replace(/\W/g, '_')}_${++databases}`),
        logFd,
        defer: (cleanup) => cleanups.push(cleanup),
        say: (line) => options.print(`  ${scenario.name}: ${line}`),
      };
      options.print(`▶ ${scenario.name}`);
      try {
        await scenario.run(context);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        context.figures.add('completed', `no: ${message.split('\n')[0]}`, 'load', {
          equals: 'yes',
        });
        options.print(`  ${scenario.name}: FAILED: ${message} (log: ${logPath})`);
      } finally {
        for (const cleanup of cleanups.reverse()) {
          try {
            await cleanup();
          } catch (error) {
            options.print(`  ${scenario.name}: cleanup failed: ${String(error)}`);
          }
        }
        closeSync(logFd);
      }
      options.print(`  ${scenario.name}: ${((Date.now() - scenarioStarted) / 1000).toFixed(1)} s`);
    }
  } finally {
    await postgres.destroy();
  }
  return { figures, ms: Date.now() - started };
}
