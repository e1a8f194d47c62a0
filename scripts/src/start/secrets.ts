import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const secretsSchema = z.object({
  sessionSecret: z.string().min(32),
  refereeSecret: z.string().min(32),
  /** Keys of the local livekit-server the launcher starts (added later: optional on read). */
  livekitKey: z.string().min(8).optional(),
  livekitSecret: z.string().min(32).optional(),
});
export interface EmbeddedSecrets {
  sessionSecret: string;
  refereeSecret: string;
  livekitKey: string;
  livekitSecret: string;
}

/**
 * The embedded mode's secrets: generated on the first start and kept in
 * `<dataDir>/secrets.json` (readable by the owner only), so session tokens survive a restart.
 * Variables set in the environment take precedence.
 */
export function loadOrCreateSecrets(
  dataDir: string,
  fromEnv: { SESSION_SECRET?: string | undefined; REFEREE_SECRET?: string | undefined },
): EmbeddedSecrets {
  const file = join(dataDir, 'secrets.json');
  let read: z.output<typeof secretsSchema> | null = null;
  if (existsSync(file)) {
    const parsed = secretsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`${file} is damaged; delete it to generate new secrets`);
    read = parsed.data;
  }
  const stored: EmbeddedSecrets = {
    sessionSecret: read?.sessionSecret ?? randomSecret(),
    refereeSecret: read?.refereeSecret ?? randomSecret(),
    livekitKey: read?.livekitKey ?? `scrawl-${randomBytes(6).toString('hex')}`,
    livekitSecret: read?.livekitSecret ?? randomSecret(),
  };
  if (JSON.stringify(read) !== JSON.stringify(stored)) {
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  }
  return {
    ...stored,
    sessionSecret: fromEnv.SESSION_SECRET ?? stored.sessionSecret,
    refereeSecret: fromEnv.REFEREE_SECRET ?? stored.refereeSecret,
  };
}

function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}
