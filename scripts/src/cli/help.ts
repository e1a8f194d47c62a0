import type { Command, OptionSpec } from './command.js';

/** Options every command takes. */
export const COMMON_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  json: { type: 'boolean', description: 'machine-readable JSON instead of tables' },
  help: { type: 'boolean', short: 'h', description: 'show this help' },
};

/** `scrawl --help`: what the CLI is, its commands and where it reads from. */
export function generalHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'scrawl — look inside Scrawl: rooms, documents, history, replays.',
    '',
    'Usage: scrawl <command> [arguments] [--json] [--help]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Documents: a name (room/<id>/game, room/<id>/canvas/<n>), CODE/game or CODE/canvas/<n>.',
    'Finished turns: CODE/<n>, a moment of one: CODE/<n>@SECONDS (seconds since drawing began).',
    '',
    'Reads the stores the environment names: DATABASE_URL (else the database of a running',
    'npm start, else the embedded one in DATA_DIR, default .scrawl), documents in Redis when',
    'REDIS_URL is set (REDIS_PREFIX). Live commands use COLLAB_URL and REFEREE_SECRET (npm start',
    'provides both). Exit codes: 0 fine, 1 problems found or nothing by that name, 2 usage',
    'error or a store that cannot be reached.',
    '',
    'scrawl <command> --help shows the details of one command.',
  ].join('\n');
}

/** `scrawl <command> --help`. */
export function commandHelp(command: Command): string {
  const options = { ...command.options, ...COMMON_OPTIONS };
  const flags = Object.entries(options).map(([name, spec]) => ({
    flag: `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.value ? ` ${spec.value}` : ''}`,
    description: spec.description,
  }));
  const width = Math.max(...flags.map((f) => f.flag.length));
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary.charAt(0).toUpperCase() + command.summary.slice(1) + '.',
    '',
    command.details,
    '',
    'Options:',
    ...flags.map((f) => `  ${f.flag.padEnd(width)}  ${f.description}`),
  ].join('\n');
}
