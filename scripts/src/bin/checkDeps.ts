#!/usr/bin/env node
import { runEntry } from './entry.js';

await runEntry(async () => {
  const { fileURLToPath } = await import('node:url');
  const { checkRepository } = await import('../deps/checkDeps.js');
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const { files, violations } = checkRepository(root);
  for (const v of violations) console.error(`${v.file}:${v.line}  "${v.specifier}" ${v.message}`);
  if (violations.length > 0) {
    console.error(`\ncheck:deps: ${violations.length} import(s) cross the dependency table.`);
    process.exit(1);
  }
  console.log(`check:deps: ${files} files, every import follows the dependency table.`);
});
