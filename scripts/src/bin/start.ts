#!/usr/bin/env node
import { runEntry } from './entry.js';

await runEntry(async () => {
  const { launch } = await import('../start/launcher.js');
  await launch(process.env, (line) => console.log(line));
});
