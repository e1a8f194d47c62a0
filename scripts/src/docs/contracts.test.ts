import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONFIG_VARIABLES } from '@scrawl/protocol';
import { renderContracts } from './contracts.js';

const FILE = fileURLToPath(new URL('../../../docs/contracts.md', import.meta.url));

describe('docs/contracts.md', () => {
  it('is what protocol/ generates now (run `npm run docs` after changing a schema)', () => {
    expect(readFileSync(FILE, 'utf8')).toBe(renderContracts());
  });

  it('documents every configuration variable', () => {
    const text = renderContracts();
    for (const name of CONFIG_VARIABLES) expect(text).toContain(`| \`${name}\` |`);
  });
});
