import { describe, expect, it } from '@jest/globals';
import * as Y from 'yjs';
import { StrokeWriter, readStrokes } from '@scrawl/drawing-engine';
import {
  CloseCodes,
  canvasDocName,
  gameDocName,
  serviceToken,
  type RoomId,
} from '@scrawl/protocol';
import {
  RawClient,
  TEST_SECRETS,
  TestClient,
  eventually,
  joinNewRoom,
  joinRoom,
} from '../testing/index.js';
import { useTestCollab } from '../testing/useTestCollab.js';

type Role = 'drawer' | 'guesser' | 'spectator' | 'referee' | 'outsider' | 'anonymous';
type Doc = 'game' | 'lobby canvas' | 'round canvas';
type Outcome = 'allowed' | 'refused' | 'ignored' | 'notice';

/** The permission matrix: one line per role and document; operations are read, write, presence, stateless. */
const MATRIX: [Role, Doc, Outcome, Outcome, Outcome, Outcome][] = [
  ['drawer', 'game', 'allowed', 'refused', 'allowed', 'allowed'],
  ['drawer', 'lobby canvas', 'allowed', 'allowed', 'allowed', 'ignored'],
  ['drawer', 'round canvas', 'allowed', 'allowed', 'allowed', 'ignored'],
  ['guesser', 'game', 'allowed', 'refused', 'allowed', 'allowed'],
  ['guesser', 'lobby canvas', 'allowed', 'allowed', 'allowed', 'ignored'],
  ['guesser', 'round canvas', 'allowed', 'refused', 'allowed', 'ignored'],
  ['spectator', 'game', 'allowed', 'refused', 'allowed', 'notice'],
  ['spectator', 'lobby canvas', 'allowed', 'refused', 'allowed', 'ignored'],
  ['spectator', 'round canvas', 'allowed', 'refused', 'allowed', 'ignored'],
  ['referee', 'game', 'allowed', 'allowed', 'allowed', 'allowed'],
  // The referee is trusted code: a stray write of its is dropped, its socket stays open.
  ['referee', 'lobby canvas', 'allowed', 'ignored', 'allowed', 'ignored'],
  ['referee', 'round canvas', 'allowed', 'ignored', 'allowed', 'ignored'],
  ['outsider', 'game', 'refused', 'refused', 'refused', 'refused'],
  ['outsider', 'lobby canvas', 'refused', 'refused', 'refused', 'refused'],
  ['outsider', 'round canvas', 'refused', 'refused', 'refused', 'refused'],
  ['anonymous', 'game', 'refused', 'refused', 'refused', 'refused'],
  ['anonymous', 'lobby canvas', 'refused', 'refused', 'refused', 'refused'],
  ['anonymous', 'round canvas', 'refused', 'refused', 'refused', 'refused'],
];

const suite = useTestCollab();
const { track } = suite;

interface Identity {
  token: string;
  playerId: string;
  name: string;
  color: string;
  role: string;
}

/** A room with a drawer of round 1, a guesser, a spectator, the referee and an outsider. */
async function room() {
  const { roomId, code, seats } = await joinNewRoom(suite.collab.http, ['Dora', 'Gus']);
  const spectator = await joinRoom(suite.collab.http, code, 'Spec', 'spectator');
  const outsider = (await joinNewRoom(suite.collab.http, ['Otto'])).seats[0]!;
  const refereeToken = serviceToken('ref-matrix', TEST_SECRETS.REFEREE_SECRET);
  const referee = await track(new TestClient(suite.collab.ws)).open(
    gameDocName(roomId as RoomId),
    refereeToken,
  );
  const rpc: string[] = [];
  referee.on('stateless', ({ payload }: { payload: string }) => rpc.push(payload));
  referee.sendStateless(
    JSON.stringify({
      type: 'canvas/setDrawers',
      id: 'd',
      roomId,
      round: 1,
      playerIds: [seats[0]!.playerId],
    }),
  );
  await eventually(() => expect(rpc.some((p) => p.includes('"ack"'))).toBe(true));
  rpc.length = 0;
  const identities: Record<Role, Identity> = {
    drawer: seats[0]!,
    guesser: seats[1]!,
    spectator,
    outsider,
    referee: {
      token: refereeToken,
      playerId: 'referee',
      name: 'referee',
      color: '#000000',
      role: 'referee',
    },
    anonymous: {
      token: 'not-a-token',
      playerId: 'nobody',
      name: 'nobody',
      color: '#000000',
      role: 'player',
    },
  };
  const names: Record<Doc, string> = {
    game: gameDocName(roomId as RoomId),
    'lobby canvas': canvasDocName(roomId as RoomId, 0),
    'round canvas': canvasDocName(roomId as RoomId, 1),
  };
  return { roomId, identities, names, rpc };
}

function craftWrite(doc: Doc, name: string, who: Identity): Uint8Array {
  const copy = new Y.Doc();
  const live = suite.collab.server.hocuspocus.documents.get(name);
  if (live) Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
  const updates: Uint8Array[] = [];
  copy.on('update', (u: Uint8Array) => updates.push(u));
  if (doc === 'game') copy.getMap('state').set('probe', who.role);
  else {
    const writer = new StrokeWriter(
      copy,
      {
        id: `probe${who.playerId}`.slice(0, 16),
        author: who.playerId,
        tool: 'brush',
        color: '#111111',
        width: 4,
      },
      'x',
    );
    writer.add({ x: 5, y: 5, pressure: 0.5, t: 0 });
    writer.finish();
  }
  return Y.mergeUpdates(updates);
}

describe('permission matrix (role × document × operation)', () => {
  it.each(MATRIX)(
    '%s on the %s: read %s, write %s, presence %s, stateless %s',
    async (role, doc, read, write, presence, stateless) => {
      const { identities, names, rpc } = await room();
      const who = identities[role];
      const name = names[doc];

      // read
      const reader = track(new TestClient(suite.collab.ws));
      const opened = reader.open(name, who.token);
      if (read === 'refused') {
        await expect(opened).rejects.toThrow(/refused: (forbidden|unauthorized)/);
      } else {
        const provider = await opened;
        expect(provider.isSynced).toBe(true);

        // presence
        const watcher = await track(new TestClient(suite.collab.ws)).open(
          name,
          identities.spectator.token,
        );
        provider.awareness?.setLocalState(
          role === 'referee'
            ? { service: 'referee' }
            : { player: { id: who.playerId, name: who.name, color: who.color, role: who.role } },
        );
        await eventually(() =>
          expect(watcher.awareness?.getStates().has(provider.document.clientID)).toBe(
            presence === 'allowed',
          ),
        );

        // stateless
        const notices: string[] = [];
        provider.on('stateless', ({ payload }: { payload: string }) => notices.push(payload));
        // Starting the game: a player's message that a spectator may not send (they may chat).
        provider.sendStateless(JSON.stringify({ type: 'game/start' }));
        await new Promise((resolve) => setTimeout(resolve, 150));
        const forwarded = rpc.filter((p) => p.includes('"player/rpc"'));
        if (stateless === 'allowed' && role !== 'referee') expect(forwarded).toHaveLength(1);
        else expect(forwarded).toHaveLength(0);
        if (stateless === 'notice')
          expect(JSON.parse(notices[0] ?? '{}')).toMatchObject({ type: 'notice', level: 'error' });
      }

      // write
      const raw = track(new RawClient(suite.collab.ws));
      await raw.authenticate(name, who.token);
      const before = Y.encodeStateVector(
        suite.collab.server.hocuspocus.documents.get(name) ?? new Y.Doc(),
      );
      raw.sendUpdate(name, craftWrite(doc, name, who));
      if (write === 'allowed') {
        await eventually(() => {
          const live = suite.collab.server.hocuspocus.documents.get(name)!;
          if (doc === 'game') expect(live.getMap('state').get('probe')).toBe(who.role);
          else expect(readStrokes(live).map((s) => s.author)).toContain(who.playerId);
        });
      } else {
        const closed = await Promise.race([
          raw.closed,
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 1000)),
        ]);
        if (write === 'ignored') expect(closed).toBeNull();
        else if (read === 'allowed') expect(closed?.code).toBe(CloseCodes.forbidden.code);
        const live = suite.collab.server.hocuspocus.documents.get(name);
        expect(live ? Y.encodeStateVector(live) : before).toEqual(before);
      }
    },
  );
});
