import type { Command } from '../command.js';
import { compactCommand } from './compact.js';
import { diffCommand } from './diff.js';
import { docsCommand } from './docs.js';
import { dumpCommand } from './dump.js';
import { exportCommand } from './export.js';
import { historyCommand } from './history.js';
import { roomsCommand } from './rooms.js';
import { statsCommand } from './stats.js';
import { verifyCommand } from './verify.js';
import { watchCommand } from './watch.js';

/** Every command, in the order `scrawl --help` lists them. */
export const COMMANDS: readonly Command[] = [
  roomsCommand,
  docsCommand,
  dumpCommand,
  statsCommand,
  historyCommand,
  watchCommand,
  exportCommand,
  diffCommand,
  verifyCommand,
  compactCommand,
];
