/**
 * `npm run bench` (after the drawing-engine codec bench): the load harness. Starts the real
 * collab-server and referee (and the two baselines) as separate processes, drives them with
 * headless clients replaying the committed pen trace, and writes bench-results/<date>.{md,json,svg}.
 * Flags: see options.ts (`--help`).
 */
import { parseOptions, HELP } from './options.js';
import { runBench } from './runBench.js';

const parsed = parseOptions(process.argv.slice(2));
if (!parsed.ok) {
  console.error(parsed.error);
  console.error(HELP);
  process.exit(2);
}
if (parsed.options.help) {
  console.log(HELP);
  process.exit(0);
}
try {
  const ok = await runBench(parsed.options, (line) => console.log(line));
  process.exit(ok ? 0 : 1);
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
}
