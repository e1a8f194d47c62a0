import { fetchServerTime } from './api';
import { ServerClock } from './serverClock';
import { readItem, writeItem } from './storage';

const OFFSET_KEY = 'scrawl.clockOffset';

/**
 * The app's one server clock: countdowns, token expiry and renewal all read it. The last
 * measured offset is kept, so a browser whose clock is off is right from the first paint.
 */
export const serverClock = new ServerClock(fetchServerTime, {
  load: () => {
    const stored = Number(readItem(OFFSET_KEY));
    return Number.isFinite(stored) ? stored : null;
  },
  save: (offset) => {
    writeItem(OFFSET_KEY, String(offset));
  },
});
