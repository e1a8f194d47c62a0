#!/usr/bin/env node
import { ConfigError, nodeVersionProblem } from '@scrawl/protocol';

const problem = nodeVersionProblem(process.versions.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}

try {
  const { main } = await import('./main.js');
  await main(process.env);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
