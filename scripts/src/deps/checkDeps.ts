import { readFileSync, readdirSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { RULES, TEST_PACKAGES, WORKSPACES, WORKSPACE_SCOPE, type Workspace } from './rules.js';

/** One import that crosses the dependency table. */
export interface Violation {
  file: string;
  line: number;
  specifier: string;
  message: string;
}

const SOURCE_EXTENSIONS = /\.(ts|tsx|mts|cts)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.tsbuild', 'coverage', 'bench-results']);
const BUILTINS = new Set(builtinModules);

/** Every module specifier a file imports, re-exports or loads, with its line. */
export function importsOf(fileName: string, text: string): { specifier: string; line: number }[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: { specifier: string; line: number }[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined) => {
    if (literal && ts.isStringLiteralLike(literal)) {
      found.push({
        specifier: literal.text,
        line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node))
      add(node, node.moduleSpecifier);
    else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference)
    ) {
      add(node, node.moduleReference.expression);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal);
    } else if (ts.isCallExpression(node)) {
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if (isDynamicImport || isRequire) add(node, node.arguments[0]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The package an import names (`@scope/name` or `name`), or null for a relative path. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return null;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** Checks one file's imports against its workspace's rule. */
export function checkFile(
  root: string,
  workspace: Workspace,
  file: string,
  text: string,
): Violation[] {
  const rule = RULES[workspace];
  const isTest =
    /\.(test|int\.test|e2e\.test)\.tsx?$/.test(file) || file.split(sep).includes('e2e');
  // Build tooling (vite.config.ts) and benchmark harnesses (a workspace's bench/) run in
  // Node on a developer's machine and ship nothing themselves.
  const isTooling =
    /\.config\.(ts|mts)$/.test(file) || relative(root, file).split(sep)[1] === 'bench';
  const violations: Violation[] = [];
  const allowedText = [
    ...rule.workspaces,
    ...(rule.packages ?? ['any npm package']),
    ...(rule.nodeBuiltins ? ['Node built-ins'] : []),
  ].join(', ');
  for (const { specifier, line } of importsOf(file, text)) {
    const report = (why: string) =>
      violations.push({
        file: relative(root, file),
        line,
        specifier,
        message: `${why} — ${workspace} may import only: ${allowedText || 'nothing'} (ARCHITECTURE.md)`,
      });
    const pkg = packageOf(specifier);
    if (pkg === null) {
      const target = resolve(dirname(file), specifier);
      const owner = relative(root, target).split(sep)[0];
      if (owner !== workspace)
        report(`reaches into ${owner ?? 'outside the repo'} by a relative path`);
      continue;
    }
    if (pkg.startsWith(WORKSPACE_SCOPE)) {
      const target = pkg.slice(WORKSPACE_SCOPE.length);
      if (target !== workspace && !rule.workspaces.includes(target))
        report(`imports workspace ${target}`);
      continue;
    }
    const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
    if (specifier.startsWith('node:') || BUILTINS.has(bare.split('/')[0] ?? bare)) {
      if (!rule.nodeBuiltins && !isTest && !isTooling) report('imports a Node built-in');
      continue;
    }
    if (
      rule.packages !== null &&
      !rule.packages.includes(pkg) &&
      !(isTest && TEST_PACKAGES.includes(pkg))
    ) {
      report(`imports package ${pkg}`);
    }
  }
  return violations;
}

/** Checks every source file of every workspace under `root`. */
export function checkRepository(root: string): { files: number; violations: Violation[] } {
  const violations: Violation[] = [];
  let files = 0;
  for (const workspace of WORKSPACES) {
    for (const file of sourceFiles(join(root, workspace))) {
      files++;
      violations.push(...checkFile(root, workspace, file, readFileSync(file, 'utf8')));
    }
  }
  return { files, violations };
}

function* sourceFiles(dir: string): Generator<string> {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (SKIPPED_DIRS.has(entry) || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (SOURCE_EXTENSIONS.test(entry) && !entry.endsWith('.d.ts')) yield path;
  }
}
