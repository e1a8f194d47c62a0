import type { Scenario } from '../context.js';
import { badInput } from './badInput.js';
import { convergence } from './convergence.js';
import { gracefulStop } from './gracefulStop.js';
import { networkBlips } from './networkBlips.js';
import { offlineKills } from './offlineKills.js';
import { secrecy } from './secrecy.js';

/** Every scenario, in the order the suite runs them. */
export const SCENARIOS: readonly Scenario[] = [
  convergence,
  offlineKills,
  gracefulStop,
  badInput,
  networkBlips,
  secrecy,
];
