import { parseArgs } from 'node:util';
import type { CliIo, Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import { ExitCode, UsageError, exitCodeOf, explain } from './errors.js';
import { COMMON_OPTIONS, commandHelp, generalHelp } from './help.js';
import { didYouMean } from './suggest.js';
import { openTarget } from './target/openTarget.js';
import type { Target } from './target/Target.js';

/**
 * Runs `scrawl` with its arguments (without `node` and the script): finds the command,
 * parses its options, opens the stores only when the command asks for them, and closes
 * them after. Resolves with the exit code; every failure is printed as a sentence.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const wanted = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(wanted ? commandHelp(wanted) : generalHelp(COMMANDS));
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(
      `Unknown command "${name}".${didYouMean(
        name,
        COMMANDS.map((c) => c.name),
      )} Run scrawl --help for the list.`,
    );
    return ExitCode.usage;
  }
  const opened: { target: Target | null } = { target: null };
  try {
    const parsed = parseCommandLine(command, rest);
    if (parsed.values.help === true) {
      io.out(commandHelp(command));
      return ExitCode.ok;
    }
    return await command.run({
      io,
      args: parsed.positionals,
      options: parsed.values,
      json: parsed.values.json === true,
      target: async () => (opened.target ??= await openTarget(io.env)),
    });
  } catch (thrown) {
    const error = explain(thrown);
    io.err(error instanceof Error ? error.message : String(error));
    if (io.env.DEBUG && error instanceof Error && error.stack) io.err(error.stack);
    return exitCodeOf(error);
  } finally {
    await opened.target?.close();
  }
}

function parseCommandLine(command: Command, args: readonly string[]) {
  const options = { ...command.options, ...COMMON_OPTIONS };
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: Object.fromEntries(
        Object.entries(options).map(([key, spec]) => [
          key,
          spec.short ? { type: spec.type, short: spec.short } : { type: spec.type },
        ]),
      ),
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const unknown = /Unknown option '([^']+)'/.exec(
      error instanceof Error ? error.message : '',
    )?.[1];
    if (unknown) {
      const names = Object.keys(options).map((key) => `--${key}`);
      throw new UsageError(
        `scrawl ${command.name} has no option ${unknown}.${didYouMean(unknown, names)} See scrawl ${command.name} --help.`,
      );
    }
    throw new UsageError(
      `${error instanceof Error ? error.message : String(error)} See scrawl ${command.name} --help.`,
    );
  }
  if (parsed.values.help !== true) {
    const count = parsed.positionals.length;
    if (count < command.positionals.min || count > command.positionals.max) {
      throw new UsageError(`Usage: ${command.usage}  (scrawl ${command.name} --help explains it)`);
    }
  }
  return parsed;
}
