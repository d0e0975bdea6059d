import { z } from 'zod';
import type { Ack } from './errors.ts';
import type { CommandEnvelope, JoinRequest } from './commands.ts';
import { idSchema, joinCodeSchema, roleSchema } from './limits.ts';
import type { MeView, TallyView, WorkshopView } from './views.ts';

/**
 * The handshake (`io(url, { auth })`). A phone connects with the code alone, then joins; with its token
 * it resumes. The facilitator sends the facilitator key; the screen needs only the code.
 */
export const handshakeSchema = z
  .object({
    v: z.number().int(),
    code: joinCodeSchema,
    role: roleSchema,
    token: z.string().min(16).max(128).optional(),
    key: z.string().min(16).max(128).optional(),
  })
  .strict();
export type Handshake = z.input<typeof handshakeSchema>;

export interface HelloMessage {
  protocolVersion: number;
  role: z.infer<typeof roleSchema>;
  workshopId: string;
  /** Set when the socket speaks for a participant (after a resume or a join). */
  participantId: string | null;
  serverNow: number;
}

export interface ViewMessage {
  version: number;
  serverNow: number;
  view: WorkshopView;
}
export interface TallyMessage {
  version: number;
  tally: TallyView;
}
export interface MeMessage {
  version: number;
  me: MeView;
}

export type JoinAck = Ack<{ participantId: string; token: string; name: string }>;
/**
 * `me`: a phone's own slice after its command, in the answer itself rather than as a message of its own (a vote is
 * the commonest command: this halves what a hall of phones is sent). Only on the first answer, never on a resend's.
 */
export type CommandAck = Ack<{ version: number; me?: MeMessage }>;
export type SyncAck = Ack<{ view: ViewMessage; tally: TallyMessage; me: MeMessage | null }>;

export interface ServerToClientEvents {
  'session:hello': (msg: HelloMessage) => void;
  'workshop:view': (msg: ViewMessage) => void;
  'workshop:tally': (msg: TallyMessage) => void;
  'participant:me': (msg: MeMessage) => void;
  /** The participant was removed by the facilitator; the token no longer works. */
  'participant:removed': () => void;
  /** The workshop was erased (by its facilitator or by retention): nothing of it is left; the socket is closed. */
  'workshop:deleted': () => void;
}

export interface ClientToServerEvents {
  'participant:join': (req: JoinRequest, ack: (res: JoinAck) => void) => void;
  'workshop:command': (env: CommandEnvelope, ack: (res: CommandAck) => void) => void;
  'workshop:sync': (ack: (res: SyncAck) => void) => void;
}

export { idSchema };
