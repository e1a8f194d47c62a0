import type { Page } from 'playwright-core';
import { eventually } from '@scrawl/collab-server/testing';

/** What the room page exposes about voice for tests (web/src/room/useTestHooks.ts). */
interface VoiceHooks {
  stats(): Promise<{ received: number; sent: number }>;
  remoteAudio(): Array<{ identity: string; tracks: number; muted: boolean }>;
}

type WithVoice = { __scrawl?: { voice: VoiceHooks } };

/** Audio RTP bytes this page has received and sent through LiveKit so far. */
export async function audioBytes(page: Page): Promise<{ received: number; sent: number }> {
  return page.evaluate(() => {
    const voice = (window as WithVoice).__scrawl?.voice;
    if (!voice) throw new Error('no room page');
    return voice.stats();
  });
}

/** Another player's published microphones as this page sees them. */
export async function remoteMic(
  page: Page,
  playerId: string,
): Promise<{ tracks: number; muted: boolean } | null> {
  return page.evaluate((id) => {
    const voice = (window as WithVoice).__scrawl?.voice;
    if (!voice) throw new Error('no room page');
    return voice.remoteAudio().find((remote) => remote.identity === id) ?? null;
  }, playerId);
}

/** How many audio bytes a page receives over `ms`. */
export async function receivedOver(page: Page, ms: number): Promise<number> {
  const before = (await audioBytes(page)).received;
  await page.waitForTimeout(ms);
  return (await audioBytes(page)).received - before;
}

/** The voice panel's words and state name. */
export async function voiceStatus(page: Page): Promise<{ text: string; state: string }> {
  const status = page.getByTestId('voice-status');
  return {
    text: (await status.innerText()).trim(),
    state: (await status.getAttribute('data-state')) ?? '',
  };
}

/** Waits until the voice panel is in a state. */
export async function waitForVoice(page: Page, state: string, timeoutMs = 30_000): Promise<void> {
  await eventually(
    async () => {
      const now = await voiceStatus(page);
      if (now.state !== state) throw new Error(`voice is ${now.state} (${now.text}), not ${state}`);
    },
    { timeoutMs, intervalMs: 100 },
  );
}
