/** The oldest Node.js major version Scrawl runs on. */
export const MIN_NODE_MAJOR = 22;

/**
 * Explains why a Node.js version cannot run Scrawl, or returns null when it can.
 * @example const problem = nodeVersionProblem(process.versions.node);
 */
export function nodeVersionProblem(version: string): string | null {
  const major = Number.parseInt(version.split('.')[0] ?? '', 10);
  if (Number.isInteger(major) && major >= MIN_NODE_MAJOR) return null;
  return (
    `Scrawl needs Node.js ${MIN_NODE_MAJOR} or newer, but this is Node.js ${version}. ` +
    'Run it through npm (npm start, npm test), which uses the Node.js 24 the project ' +
    'installs, or switch with `nvm use` (see .nvmrc).'
  );
}
