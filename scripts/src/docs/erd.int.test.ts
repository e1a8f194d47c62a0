import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderDatabaseDoc } from './erd.js';

const FILE = fileURLToPath(new URL('../../../docs/database.md', import.meta.url));

describe('docs/database.md', () => {
  it('is the schema the migrations build now (run `npm run docs` after adding one)', async () => {
    const doc = await renderDatabaseDoc();
    expect(doc).toContain('rooms ||--o{ players : "room_id"');
    expect(readFileSync(FILE, 'utf8')).toBe(doc);
  }, 60_000);
});
