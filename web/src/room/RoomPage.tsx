import { useState } from 'react';
import type { RoomCode } from '@scrawl/protocol';
import { forgetSeat, loadSeat, saveSeat, type Seat } from '../lib/seats';
import { JoinRoomForm } from './JoinRoomForm';
import { RoomView } from './RoomView';

/**
 * A room's page: takes the seat stored for this room (a reload rejoins it), or asks for a
 * name and joins first.
 */
export function RoomPage({ code }: { code: RoomCode }) {
  const [seat, setSeat] = useState<Seat | null>(() => loadSeat(code));

  if (!seat) {
    return (
      <JoinRoomForm
        code={code}
        onJoined={(joined) => {
          saveSeat(joined);
          setSeat(joined);
        }}
      />
    );
  }
  return (
    <RoomView
      key={seat.token}
      seat={seat}
      onRejoin={() => {
        forgetSeat(code);
        setSeat(null);
      }}
    />
  );
}
