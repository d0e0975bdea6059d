import type { ViewRole } from '@fokus/protocol';
import type { FokusServer } from './socket-server.ts';
import { roleRoom } from './socket-server.ts';

const ROLES: readonly ViewRole[] = ['facilitator', 'screen', 'participant'];

/** The sockets of one workshop in this process, as the data lifecycle needs them: are there any, and closing them. */
export interface WorkshopSockets {
  /** Someone (any role) is connected to the workshop: its room stays in memory. */
  any(workshopId: string): boolean;
  /** The workshop is erased: every socket is told so, then closed. */
  deleted(workshopId: string): void;
}

export function workshopSockets(io: FokusServer): WorkshopSockets {
  return {
    any: (workshopId) => ROLES.some((role) => (io.sockets.adapter.rooms.get(roleRoom(workshopId, role))?.size ?? 0) > 0),
    deleted: (workshopId) => {
      for (const role of ROLES) {
        io.to(roleRoom(workshopId, role)).emit('workshop:deleted');
        io.in(roleRoom(workshopId, role)).disconnectSockets(true);
      }
    },
  };
}
