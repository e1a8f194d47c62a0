export {
  CONFIG_VARIABLES,
  ConfigError,
  configSchema,
  loadConfig,
  requireConfig,
  voiceConfig,
} from './config.js';
export type { Config, VoiceConfig } from './config.js';
export { MIN_NODE_MAJOR, nodeVersionProblem } from './nodeVersion.js';
export {
  ID_LENGTH,
  ROOM_CODE_LENGTH,
  idFromBytes,
  isPlayerId,
  isRoomId,
  playerIdSchema,
  roomCodeFromBytes,
  roomCodeSchema,
  roomIdSchema,
} from './ids.js';
export type { PlayerId, RoomCode, RoomId } from './ids.js';
export { MAX_ROUND, canvasDocName, formatDocName, gameDocName, parseDocName } from './documents.js';
export type { DocumentName } from './documents.js';
export {
  HTTP_ERROR_CODES,
  MAX_NAME_LENGTH,
  ROLES,
  colorSchema,
  createRoomRequestSchema,
  createRoomResponseSchema,
  httpErrorSchema,
  joinRoomRequestSchema,
  joinRoomResponseSchema,
  playerNameSchema,
  publicRoomsResponseSchema,
  refreshSessionResponseSchema,
  serverTimeResponseSchema,
  replayDetailResponseSchema,
  replayEventSchema,
  replayListResponseSchema,
  replaySummarySchema,
  voiceTokenResponseSchema,
  roleSchema,
  roomInfoSchema,
  roomPlayerSchema,
} from './http.js';
export type {
  CreateRoomRequest,
  CreateRoomResponse,
  HttpError,
  HttpErrorCode,
  JoinRoomRequest,
  JoinRoomResponse,
  PublicRoomsResponse,
  RefreshSessionResponse,
  ServerTimeResponse,
  ReplayDetailResponse,
  ReplayEvent,
  ReplayListResponse,
  ReplaySummary,
  VoiceTokenResponse,
  Role,
  RoomInfo,
  RoomPlayer,
} from './http.js';
export { CloseCodes, describeClose } from './closeCodes.js';
export type { CloseCodeName } from './closeCodes.js';
export {
  MAX_CLIENT_RPC_BYTES,
  MAX_REPORT_LENGTH,
  clientRpcSchema,
  parseJsonMessage,
  playerConnectedSchema,
  playerRpcSchema,
  refereeRpcSchema,
  toRefereeSchema,
  whisperSchema,
} from './rpc.js';
export type {
  ClientRpc,
  PlayerConnected,
  PlayerRpc,
  RefereeRpc,
  ToReferee,
  Whisper,
} from './rpc.js';
export {
  CHAT_KEY,
  CHAT_KINDS,
  GAME_STATE_KEY,
  MAX_CHAT_LENGTH,
  MAX_CHAT_LINES,
  PHASES,
  chatLineSchema,
  gameStateSchema,
  hintSchema,
  scoreboardEntrySchema,
} from './game.js';
export type { ChatLine, GameState, Phase, ScoreboardEntry } from './game.js';
export {
  DEFAULT_SETTINGS,
  LANGUAGES,
  MAX_CUSTOM_WORDS,
  MAX_WORD_LENGTH,
  MIN_CUSTOM_WORDS,
  SETTING_BOUNDS,
  applySettingsPatch,
  customWordSchema,
  publicSettings,
  publicSettingsSchema,
  roomSettingsSchema,
  settingsPatchSchema,
  withCustomWords,
} from './settings.js';
export type { Language, PublicSettings, RoomSettings, SettingsPatch } from './settings.js';
export { presencePlayerSchema, presenceSchema } from './presence.js';
export type { Presence, PresencePlayer } from './presence.js';
export { TOKEN_ISSUER, parseServiceToken, serviceToken, sessionClaimsSchema } from './session.js';
export type { SessionClaims } from './session.js';
export type {
  Database,
  DocumentUpdatesTable,
  DocumentsTable,
  Generated,
  PlayersTable,
  RoomLeasesTable,
  RoomsTable,
  RoundDrawersTable,
  RoomStatesTable,
  GamesTable,
  TurnsTable,
  GuessesTable,
  GameScoresTable,
  ModerationEventsTable,
  RoomBansTable,
  VoiceEventsTable,
  ReplaysTable,
  TurnEventsTable,
} from './db.js';
export { RECONNECT_POLICY } from './reconnect.js';
export {
  AliasDecoder,
  AliasEncoder,
  DOCUMENT_ALIASES_PROTOCOL,
  MAX_DOCUMENT_ALIASES,
  UnknownAliasError,
  frameBytes,
  withDocumentAliases,
} from './documentAliases.js';
