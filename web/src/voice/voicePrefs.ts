import { readItem, writeItem } from '../lib/storage';

/** What the browser remembers about voice: push-to-talk and the chosen microphone. */
const PUSH_TO_TALK_KEY = 'scrawl.voice.pushToTalk';
const DEVICE_KEY = 'scrawl.voice.device';

export function loadPushToTalk(): boolean {
  return readItem(PUSH_TO_TALK_KEY) === 'true';
}

export function savePushToTalk(on: boolean): void {
  writeItem(PUSH_TO_TALK_KEY, String(on));
}

export function loadDevice(): string | null {
  return readItem(DEVICE_KEY);
}

export function saveDevice(id: string): void {
  writeItem(DEVICE_KEY, id);
}
