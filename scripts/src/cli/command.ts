import type { Target } from './target/Target.js';
import type { ProgressSink } from './output/progress.js';

/** What a command may touch of the outside world; tests and the bin pass their own. */
export interface CliIo {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where relative paths on the command line resolve. */
  readonly cwd: string;
  /** Writes a line to stdout. */
  out(line: string): void;
  /** Writes a line to stderr. */
  err(line: string): void;
  /** Raw stderr, for the progress bar; `isTTY` when it is a terminal. */
  readonly stderr: ProgressSink & { readonly isTTY?: boolean };
  /** Resolves when the user asks to stop (Ctrl-C). */
  readonly interrupted: Promise<void>;
}

/** One option of a command, as `node:util` parseArgs reads it, plus its help line. */
export interface OptionSpec {
  readonly type: 'boolean' | 'string';
  readonly short?: string;
  /** The value's placeholder in help (`CODE`, `FILE`). */
  readonly value?: string;
  readonly description: string;
}

/** What a command's run gets. */
export interface CommandContext {
  readonly io: CliIo;
  /** Positional arguments after the command name. */
  readonly args: readonly string[];
  readonly options: Readonly<Record<string, string | boolean | undefined>>;
  /** `--json`: machine-readable output instead of tables. */
  readonly json: boolean;
  /** The stores named by the environment, opened on first use and closed after the command. */
  target(): Promise<Target>;
}

/** A `scrawl` command: one per file under commands/. */
export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** `scrawl docs [--room CODE]`. */
  readonly usage: string;
  /** What it shows and how, for `--help`. */
  readonly details: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly positionals: { readonly min: number; readonly max: number };
  /** Runs the command; resolves with the exit code. */
  run(context: CommandContext): Promise<number>;
}

/** A string option's value, or undefined. */
export function stringOption(context: CommandContext, name: string): string | undefined {
  const value = context.options[name];
  return typeof value === 'string' ? value : undefined;
}

/** Prints a value as indented JSON, the `--json` form of every command. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
