import type { Language } from '@scrawl/protocol';
import { startGame } from '../../testing/gameHarness.js';
import type { Scenario } from '../context.js';
import { ScenarioCollab } from '../infra/scenarioCollab.js';
import { startRefereeService } from '../infra/serviceProcess.js';
import { audit, watchRoom, type PlayedTurn } from '../secrecy/audit.js';
import {
  DRAW_SECONDS,
  noneSent,
  playTurns,
  seatRooms,
  type SecrecyRoom,
} from '../secrecy/playTurns.js';

/** Rooms alternate between the English and the German list (umlauts, ß, capitals). */
const LANGUAGES: readonly Language[] = ['en', 'de'];

/**
 * Secrecy under load (issue 11): a collab-server and a referee as their own processes,
 * rooms playing real turns while others draw on their lobby boards, and every frame each
 * player's socket received kept as bytes with its arrival time. Afterwards no frame a
 * non-drawer received before the turn's reveal — or, for a guesser who solved, before
 * their "correct!" — may carry the word, nor a choice the drawer did not take
 * (`secrecy/audit.ts`, `secrecy/wordSearch.ts`). The drawers' own frames must carry it, as
 * must every guesser's reveal and every solver's "correct!", or the search proves nothing.
 */
export const secrecy: Scenario = {
  name: 'secrecy',
  async run({ tier, random, figures, database, logFd, defer, say }) {
    const { rooms, players, spectators, turns, crowd } = tier.secrecy;
    const collab = await ScenarioCollab.start({ database, logFd, defer });
    const { http, databaseUrl, ws: url } = collab;
    const referee = await startRefereeService('referee', { databaseUrl, collabUrl: url }, logFd);
    defer(() => referee.kill('SIGKILL'));

    const load = await collab.crowd({
      rooms: crowd.rooms,
      perRoom: crowd.perRoom,
      random: random.fork(1000),
      prefix: 'L',
    });
    load.startDrawing();

    const seated: SecrecyRoom[] = (
      await seatRooms(defer, http, url, { rooms, players, spectators })
    ).map((room, r) => ({
      index: r,
      language: LANGUAGES[r % LANGUAGES.length]!,
      players: room.players,
      spectators: room.spectators,
    }));
    const everyone = seated.flatMap((room) => [...room.players, ...room.spectators]);
    await Promise.all(
      seated.map((room) =>
        startGame(room.players[0]!, {
          rounds: Math.ceil(turns / players),
          drawTimeSeconds: DRAW_SECONDS,
          wordChoices: 5,
          hints: 3,
          afterFirstGuessSeconds: 5,
          language: room.language,
        }),
      ),
    );
    say(
      `${rooms} rooms × ${players} players + ${spectators} spectator(s), ${turns} turns each, ` +
        `${load.members.length} players drawing beside`,
    );

    const sent = noneSent();
    const results = await Promise.allSettled(
      seated.map((room) => playTurns(room, { turns, url, random: random.fork(room.index), sent })),
    );
    load.stopDrawing();
    for (const p of everyone) p.close();
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const played: PlayedTurn[] = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));

    say(`words: ${played.map((t) => t.word).join(', ')}; searching every frame received`);
    const watched = seated.flatMap((room) =>
      watchRoom(room.index, [...room.players, ...room.spectators]),
    );
    const tally = audit(played, watched);
    for (const example of tally.examples) say(`LEAK: ${example}`);

    const expectedTurns = rooms * turns;
    figures.add('players drawing beside (load)', load.members.length, 'load');
    figures.add('rooms × players + spectators', `${rooms} × ${players} + ${spectators}`, 'secrecy');
    figures.add('turns played', tally.turns, 'secrecy', { equals: expectedTurns });
    figures.add('words with a space, hyphen or umlaut', sent.unusualWords, 'secrecy');
    figures.add(
      'lines sent: wrong, close, hidden guesses; solver lines; refused',
      [sent.wrong, sent.close, sent.hidden, sent.solverLines, sent.refused].join(', '),
      'secrecy',
    );
    figures.add('frames inspected', tally.framesInspected, 'secrecy', { min: 1 });
    figures.add('bytes inspected', tally.bytesInspected, 'secrecy', { min: 1, unit: 'bytes' });
    figures.add('frames to guessers containing an unrevealed word', tally.wordLeaks, 'secrecy', {
      max: 0,
    });
    figures.add('frames to guessers containing an unchosen choice', tally.choiceLeaks, 'secrecy', {
      max: 0,
    });
    figures.add("drawers' turns where the word was seen (control)", tally.drawerSaw, 'secrecy', {
      min: expectedTurns,
    });
    figures.add(
      "non-drawers' turn ends whose reveal frame carried the word (control)",
      tally.revealsCarried,
      'secrecy',
      { min: expectedTurns * (players - 1 + spectators) },
    );
    figures.add('solves (the word is theirs from "correct!" on)', tally.solves, 'secrecy', {
      min: expectedTurns,
    });
    figures.add('"correct!" frames carrying the word (control)', tally.solversSaw, 'secrecy', {
      min: tally.solves,
    });
    figures.add('turns with hint letters shown before the reveal', tally.hintedTurns, 'secrecy', {
      min: 1,
    });
    figures.add('frames not decodable (searched raw only)', tally.undecoded, 'secrecy');
    figures.add('short raw matches in opaque bytes (chance)', tally.chance, 'secrecy');
  },
};
