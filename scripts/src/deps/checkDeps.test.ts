import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { checkFile, importsOf } from './checkDeps.js';

const root = '/repo';
const check = (workspace: Parameters<typeof checkFile>[1], file: string, text: string) =>
  checkFile(root, workspace, join(root, workspace, file), text);

describe('check:deps', () => {
  it('finds static, type-only, re-exported, dynamic and import-type edges', () => {
    const text = [
      "import a from 'a';",
      "import type { B } from 'b';",
      "export { c } from 'c';",
      "const d = await import('d');",
      "type E = import('e').E;",
    ].join('\n');
    expect(importsOf('x.ts', text).map((i) => i.specifier)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('refuses a service importing another service, even for types only', () => {
    const violations = check(
      'referee',
      'src/x.ts',
      "import type { Db } from '@scrawl/collab-server';",
    );
    expect(violations).toHaveLength(1);
    expect(violations[0]?.message).toMatch(/imports workspace collab-server/);
  });

  it('keeps protocol to zod and drawing-engine', () => {
    expect(
      check('protocol', 'src/x.ts', "import { z } from 'zod';\nimport '@scrawl/drawing-engine';"),
    ).toEqual([]);
    expect(check('protocol', 'src/x.ts', "import { Kysely } from 'kysely';")[0]?.message).toMatch(
      /imports package kysely/,
    );
    expect(check('protocol', 'src/x.ts', "import '@scrawl/web';")).toHaveLength(1);
  });

  it('keeps drawing-engine pure: yjs only, no Node built-ins outside tests', () => {
    expect(check('drawing-engine', 'src/x.ts', "import * as Y from 'yjs';")).toEqual([]);
    expect(
      check('drawing-engine', 'src/x.ts', "import { readFileSync } from 'node:fs';"),
    ).toHaveLength(1);
    expect(check('drawing-engine', 'src/x.ts', "import { z } from 'zod';")).toHaveLength(1);
    expect(
      check('drawing-engine', 'src/x.test.ts', "import fc from 'fast-check';\nimport 'node:fs';"),
    ).toEqual([]);
  });

  it('lets build tooling of a browser workspace use Node built-ins, but not its sources', () => {
    expect(check('web', 'vite.config.ts', "import { fileURLToPath } from 'node:url';")).toEqual([]);
    expect(check('web', 'src/x.ts', "import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(check('web', 'bench/run.ts', "import { createServer } from 'node:http';")).toEqual([]);
    expect(
      check('web', 'src/bench/x.ts', "import { createServer } from 'node:http';"),
    ).toHaveLength(1);
  });

  it('refuses a relative path into another workspace', () => {
    const violations = check('web', 'src/x.ts', "import '../../collab-server/src/server.js';");
    expect(violations[0]?.message).toMatch(/reaches into collab-server/);
  });

  it('lets scripts import everything', () => {
    expect(
      check('scripts', 'src/x.ts', "import '@scrawl/collab-server';\nimport '@scrawl/referee';"),
    ).toEqual([]);
  });
});
