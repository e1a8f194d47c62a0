#!/usr/bin/env node
import { runEntry } from './entry.js';

await runEntry(async () => {
  const { migrateCommand } = await import('../start/migrateCommand.js');
  console.log(await migrateCommand(process.env));
});
