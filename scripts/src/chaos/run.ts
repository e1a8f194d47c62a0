import { runEntry } from '../bin/entry.js';
import { runChaos } from './chaos.js';
import { FAST, LONG } from './tier.js';

/**
 * `npm run test:chaos [-- --long] [--seed=N] [--only=a,b]`: the reliability and security
 * suite (issue 11). Prints the figures table, writes it as JSON to test-artifacts/, and
 * exits 1 if any figure missed its bound.
 */
await runEntry(async () => {
  const args = process.argv.slice(2);
  const value = (name: string) =>
    args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const { figures } = await runChaos({
    tier: args.includes('--long') ? LONG : FAST,
    seed: Number(value('seed') ?? Math.floor(Math.random() * 2 ** 31)),
    only: value('only')?.split(','),
    print: (line) => console.log(line),
  });
  if (figures.failed.length > 0) process.exit(1);
});
