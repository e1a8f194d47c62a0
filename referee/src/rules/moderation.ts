import type { PlayerId } from '@scrawl/protocol';
import { type Ctx, connectedPlayers, findSeat, notice, record, say } from './context.js';
import { removeSeat } from './seats.js';
import { BAN_MS } from './timing.js';

/**
 * Removing players and reports (SPEC M1–M3, M6). A removed player loses the seat and may
 * not come back for {@link BAN_MS}; their presence is ignored (and kicked again) until then.
 */

/** The host removes a player. */
export function hostKick(ctx: Ctx, actorId: PlayerId, targetId: PlayerId): void {
  const { state } = ctx;
  if (!findSeat(state, actorId)) return;
  if (state.hostId !== actorId) return notice(ctx, actorId, 'Only the host can remove players');
  const target = findSeat(state, targetId);
  if (!target) return notice(ctx, actorId, 'That player is not in the room');
  if (targetId === actorId) return notice(ctx, actorId, 'You cannot remove yourself');
  removePlayer(ctx, target.id, actorId, 'kick', 'removed by the host');
}

/**
 * A vote to remove a player. Voters are the connected players other than the target; more
 * than half of them remove the target. A vote stays until the voter's seat goes.
 */
export function voteKick(ctx: Ctx, voterId: PlayerId, targetId: PlayerId): void {
  const { state, now } = ctx;
  const voter = findSeat(state, voterId);
  if (!voter) return;
  if (voter.role !== 'player') return notice(ctx, voterId, 'Spectators cannot vote');
  const target = findSeat(state, targetId);
  if (!target) return notice(ctx, voterId, 'That player is not in the room');
  if (targetId === voterId) return notice(ctx, voterId, 'You cannot vote against yourself');
  const ballots = state.votes[targetId] ?? [];
  if (ballots.includes(voterId)) return notice(ctx, voterId, 'You already voted', 'info');
  ballots.push(voterId);
  state.votes[targetId] = ballots;
  record(ctx, {
    type: 'moderation',
    kind: 'vote',
    actorId: voterId,
    targetId,
    reason: 'vote to remove',
    at: now,
  });
  const electorate = connectedPlayers(state).filter((seat) => seat.id !== targetId);
  const votes = ballots.filter((id) => electorate.some((seat) => seat.id === id)).length;
  const needed = Math.floor(electorate.length / 2) + 1;
  say(ctx, `${voter.name} votes to remove ${target.name} (${votes}/${needed})`);
  if (votes >= needed) removePlayer(ctx, target.id, null, 'voteKick', `removed by vote (${votes})`);
}

function removePlayer(
  ctx: Ctx,
  targetId: PlayerId,
  actorId: PlayerId | null,
  kind: 'kick' | 'voteKick',
  reason: string,
): void {
  const { state, now } = ctx;
  const name = findSeat(state, targetId)?.name ?? 'A player';
  const until = now + BAN_MS;
  removeSeat(state, targetId);
  state.bans = [
    ...state.bans.filter((ban) => ban.playerId !== targetId),
    { playerId: targetId, until },
  ];
  ctx.effects.push({ type: 'kick', playerId: targetId, until });
  record(ctx, { type: 'moderation', kind, actorId, targetId, reason, at: now });
  say(ctx, `${name} was removed from the room`);
}

/** A report to the operators: stored, nothing else happens. */
export function report(ctx: Ctx, actorId: PlayerId, targetId: PlayerId, reason: string): void {
  if (!findSeat(ctx.state, actorId)) return;
  record(ctx, { type: 'moderation', kind: 'report', actorId, targetId, reason, at: ctx.now });
  notice(ctx, actorId, 'Thank you: your report was stored', 'info');
}
