import { sql, type Kysely } from 'kysely';
import type { Database } from '@scrawl/protocol';
import type { ScenarioContext } from '../context.js';
import { startRefereeService, type ServiceProcess } from './serviceProcess.js';

/** A room's lease as Postgres holds it. */
export interface Lease {
  roomId: string;
  owner: string;
  expired: boolean;
}

/**
 * Referee processes driving one collab-server's rooms, named referee-1, referee-2, … in the
 * order they start: a restarted referee is a new instance, which must wait for a dead one's
 * leases to expire like any other. Every one still running is SIGKILLed after the scenario.
 */
export class Referees {
  private readonly live: ServiceProcess[] = [];
  /** The names of the referees killed so far. */
  readonly killed: string[] = [];
  private started = 0;

  constructor(
    private readonly context: Pick<ScenarioContext, 'logFd' | 'defer'>,
    private readonly options: { databaseUrl: string; collabUrl: string },
  ) {
    context.defer(() => Promise.all(this.live.map((referee) => referee.kill('SIGKILL'))));
  }

  /** The referees running now, oldest first. */
  get running(): readonly ServiceProcess[] {
    return this.live;
  }

  /** Starts one more; resolves once it is ready. */
  async start(): Promise<ServiceProcess> {
    const referee = await startRefereeService(
      `referee-${++this.started}`,
      this.options,
      this.context.logFd,
    );
    this.live.push(referee);
    return referee;
  }

  /** SIGKILLs one; resolves once the process is gone. */
  async kill(referee: ServiceProcess): Promise<void> {
    await referee.kill('SIGKILL');
    this.live.splice(this.live.indexOf(referee), 1);
    this.killed.push(referee.name);
  }

  /** Every room lease in Postgres. */
  static async leases(db: Kysely<Database>): Promise<Lease[]> {
    const rows = await db
      .selectFrom('room_leases')
      .select(['room_id', 'owner', sql<boolean>`expires_at < now()`.as('expired')])
      .execute();
    return rows.map((row) => ({ roomId: row.room_id, owner: row.owner, expired: row.expired }));
  }
}
