/**
 * The dependency table of ARCHITECTURE.md, as data: which workspaces and packages each
 * top-level folder may import. `import type` counts as an edge.
 */
export interface WorkspaceRule {
  /** Other workspaces this one may import. */
  readonly workspaces: readonly string[];
  /** npm packages (non-workspace) it may import; null: any. */
  readonly packages: readonly string[] | null;
  /** Whether Node built-ins (`node:fs`, `fs`) are allowed outside tests. */
  readonly nodeBuiltins: boolean;
}

export const WORKSPACES = [
  'drawing-engine',
  'protocol',
  'collab-server',
  'referee',
  'web',
  'scripts',
  'infra',
] as const;
export type Workspace = (typeof WORKSPACES)[number];

export const RULES: Record<Workspace, WorkspaceRule> = {
  'drawing-engine': { workspaces: [], packages: ['yjs'], nodeBuiltins: false },
  protocol: { workspaces: ['drawing-engine'], packages: ['zod'], nodeBuiltins: false },
  'collab-server': {
    workspaces: ['protocol', 'drawing-engine'],
    packages: null,
    nodeBuiltins: true,
  },
  referee: { workspaces: ['protocol', 'drawing-engine'], packages: null, nodeBuiltins: true },
  web: { workspaces: ['protocol', 'drawing-engine'], packages: null, nodeBuiltins: false },
  scripts: {
    workspaces: ['drawing-engine', 'protocol', 'collab-server', 'referee', 'web'],
    packages: null,
    nodeBuiltins: true,
  },
  infra: { workspaces: [], packages: [], nodeBuiltins: false },
};

/** Extra packages a test file may import on top of its workspace's rule. */
export const TEST_PACKAGES = ['@jest/globals', 'fast-check', 'playwright-core'];

/** The npm scope of the workspaces. */
export const WORKSPACE_SCOPE = '@scrawl/';
