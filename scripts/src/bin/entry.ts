import { ConfigError, nodeVersionProblem } from '@scrawl/protocol';

/**
 * Runs a command's body after checking the Node.js version, printing a configuration
 * error as the plain sentence it is and exiting non-zero on any failure. The body is
 * loaded lazily so nothing else runs on an unsupported Node.js.
 */
export async function runEntry(body: () => Promise<void>): Promise<void> {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
  try {
    await body();
  } catch (error) {
    // People need the sentence; a stack trace helps only when asked for (DEBUG=1).
    const plain = error instanceof ConfigError || (error instanceof Error && !process.env.DEBUG);
    console.error(plain && error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
