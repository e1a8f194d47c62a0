import type { Scenario } from '../context.js';
import { badInput } from './badInput.js';
import { convergence } from './convergence.js';
import { gracefulStop } from './gracefulStop.js';
import { networkBlips } from './networkBlips.js';
import { offlineKills } from './offlineKills.js';
import { refereeKills } from './refereeKills.js';
import { secrecy } from './secrecy.js';
import { storeOutagesSql } from './storeOutagesSql.js';
import { storeOutagesRedis } from './storeOutagesRedis.js';

/** Every scenario, in the order the suite runs them. */
export const SCENARIOS: readonly Scenario[] = [
  convergence,
  offlineKills,
  gracefulStop,
  badInput,
  networkBlips,
  secrecy,
  refereeKills,
  storeOutagesRedis,
  storeOutagesSql,
];
