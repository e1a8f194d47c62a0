export { eventually } from './eventually.js';
export {
  TEST_DATABASE_URL,
  TEST_REDIS_URL,
  TEST_SECRETS,
  connectTestRedis,
  createTestDatabase,
  testRedisPrefix,
} from './services.js';
export { TestClient, joinNewRoom, joinRoom, startTestCollab } from './collab.js';
export type { TestCollab } from './collab.js';
export { RawClient } from './RawClient.js';
export {
  AttackFrame,
  appendToFirstStroke,
  broadcastStatelessBody,
  craftUpdate,
  deleteFirstStroke,
  forgedStroke,
  graffiti,
  hugeStroke,
  presenceBody,
  presenceTrail,
} from './attacks.js';
