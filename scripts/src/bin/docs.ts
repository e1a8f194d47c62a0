#!/usr/bin/env node
import { runEntry } from './entry.js';

await runEntry(async () => {
  const { writeFileSync } = await import('node:fs');
  const { fileURLToPath } = await import('node:url');
  const { renderContracts } = await import('../docs/contracts.js');
  const { renderDatabaseDoc } = await import('../docs/erd.js');
  const docs = (name: string) => fileURLToPath(new URL(`../../../docs/${name}`, import.meta.url));
  writeFileSync(docs('contracts.md'), renderContracts());
  writeFileSync(docs('database.md'), await renderDatabaseDoc());
  console.log('Wrote docs/contracts.md and docs/database.md.');
});
