#!/usr/bin/env node
import { runEntry } from './entry.js';

await runEntry(async () => {
  const { runServices } = await import('../services/runServices.js');
  await runServices(process.env, (line) => console.log(line));
});
