import { z } from 'zod';

declare const roomIdBrand: unique symbol;
declare const playerIdBrand: unique symbol;
declare const roomCodeBrand: unique symbol;

/** A room's permanent id: 16 lowercase letters and digits. Used in document names. */
export type RoomId = string & { readonly [roomIdBrand]: true };
/** A player's id within Scrawl: 16 lowercase letters and digits. */
export type PlayerId = string & { readonly [playerIdBrand]: true };
/** The short code people type or share to join a room: 6 unambiguous capitals and digits. */
export type RoomCode = string & { readonly [roomCodeBrand]: true };

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** No 0/O, 1/I/L: codes are read aloud and typed from screens. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
/** 16 characters of 36 give ~82 bits: unguessable enough to name documents. */
export const ID_LENGTH = 16;
/** 6 characters of 31 give ~887 million codes: short to type, rarely colliding. */
export const ROOM_CODE_LENGTH = 6;

export const roomIdSchema = z
  .string()
  .regex(/^[a-z0-9]{16}$/, 'must be 16 lowercase letters or digits')
  .transform((value) => value as RoomId);
export const playerIdSchema = z
  .string()
  .regex(/^[a-z0-9]{16}$/, 'must be 16 lowercase letters or digits')
  .transform((value) => value as PlayerId);
export const roomCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJKMNP-Z2-9]{6}$/, 'must be 6 letters or digits, like K7PQ2X')
  .transform((value) => value as RoomCode);

/** Whether a string is a well-formed room id. */
export function isRoomId(value: string): value is RoomId {
  return roomIdSchema.safeParse(value).success;
}

/** Whether a string is a well-formed player id. */
export function isPlayerId(value: string): value is PlayerId {
  return playerIdSchema.safeParse(value).success;
}

/** Builds an id from random bytes (at least {@link ID_LENGTH}), one character per byte. */
export function idFromBytes(bytes: Uint8Array): string {
  return fromBytes(bytes, ID_ALPHABET, ID_LENGTH);
}

/** Builds a room code from random bytes (at least {@link ROOM_CODE_LENGTH}). */
export function roomCodeFromBytes(bytes: Uint8Array): RoomCode {
  return fromBytes(bytes, CODE_ALPHABET, ROOM_CODE_LENGTH) as RoomCode;
}

function fromBytes(bytes: Uint8Array, alphabet: string, length: number): string {
  if (bytes.length < length) throw new RangeError(`need ${length} random bytes`);
  let out = '';
  // The modulo bias of 256 % 36 or 256 % 31 is small and harmless for ids and codes.
  for (let i = 0; i < length; i++) out += alphabet[(bytes[i] ?? 0) % alphabet.length];
  return out;
}
