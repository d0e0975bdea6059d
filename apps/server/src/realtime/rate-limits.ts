import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimitConfig } from '../config.ts';

/**
 * What one person may send, whatever number of sockets they open: a phone places its 10 dots in a second or two,
 * a facilitator clicks through moderation quickly. Fixed windows, so a burst is followed by a short wait at most.
 */
export interface PersonLimits {
  participant: { points: number; seconds: number };
  facilitator: { points: number; seconds: number };
}
export const PERSON_LIMITS: PersonLimits = {
  participant: { points: 40, seconds: 10 },
  facilitator: { points: 120, seconds: 10 },
};

/** Who is asking: a participant or a workshop's facilitator (each across all their sockets), or one socket not yet anyone. */
export type Asker =
  | { kind: 'participant'; workshopId: string; participantId: string }
  | { kind: 'facilitator'; workshopId: string }
  | { kind: 'socket'; socketId: string };

/** Among several processes the budgets live in Redis, so a person or an address has one budget, not one per process. */
export interface SharedLimits {
  /** A connected node-redis client. */
  redis: unknown;
  /** Prefix of the keys (the cluster's name). */
  prefix: string;
}

type LimiterOptions = { keyPrefix: string; points: number; duration: number };

/** Budgets per person and per IP address, shared by every socket and HTTP request of this process (or cluster). */
export class RateLimits {
  private readonly participant: RateLimiterAbstract;
  private readonly facilitator: RateLimiterAbstract;
  private readonly ipCommands: RateLimiterAbstract;
  private readonly ipJoins: RateLimiterAbstract;
  private readonly badCodes: RateLimiterAbstract;
  private readonly badCodePoints: number;

  constructor(config: RateLimitConfig, person: PersonLimits = PERSON_LIMITS, shared?: SharedLimits) {
    // If Redis stops answering, each process goes on with its own memory budgets rather than refusing everyone.
    const limiter = (opts: LimiterOptions): RateLimiterAbstract =>
      shared
        ? new RateLimiterRedis({
            ...opts,
            keyPrefix: `${shared.prefix}:${opts.keyPrefix}`,
            storeClient: shared.redis,
            useRedisPackage: true,
            insuranceLimiter: new RateLimiterMemory(opts),
          })
        : new RateLimiterMemory(opts);
    this.participant = limiter({ keyPrefix: 'person', points: person.participant.points, duration: person.participant.seconds });
    this.facilitator = limiter({ keyPrefix: 'facilitator', points: person.facilitator.points, duration: person.facilitator.seconds });
    this.ipCommands = limiter({ keyPrefix: 'ip-commands', points: config.ipCommandsPerMinute, duration: 60 });
    this.ipJoins = limiter({ keyPrefix: 'ip-joins', points: config.ipJoinsPerMinute, duration: 60 });
    this.badCodes = limiter({ keyPrefix: 'ip-bad-codes', points: config.ipBadCodesPer10Minutes, duration: 600 });
    this.badCodePoints = config.ipBadCodesPer10Minutes;
  }

  /** A command or sync: false when the person's or the address's budget is spent. */
  async command(asker: Asker, ip: string): Promise<boolean> {
    // The person first: a flood a person is already refused for does not eat the budget of everyone behind the same NAT.
    return (await this.person(asker)) && take(this.ipCommands, ip);
  }

  /** A join creates a participant, so it has its own, smaller budget per address on top of a command's. */
  async join(asker: Asker, ip: string): Promise<boolean> {
    return (await this.person(asker)) && (await take(this.ipJoins, ip)) && take(this.ipCommands, ip);
  }

  /** Milliseconds until this address may look up join codes again; 0 when it may now. */
  async lookupWait(ip: string): Promise<number> {
    const res = await this.badCodes.get(ip);
    return res && res.consumedPoints >= this.badCodePoints ? Math.max(1, res.msBeforeNext) : 0;
  }

  /** Only look-ups of codes that do not exist count: a venue looking up the right code is never held back. */
  async lookupFailed(ip: string): Promise<void> {
    await take(this.badCodes, ip);
  }

  private person(asker: Asker): Promise<boolean> {
    if (asker.kind === 'participant') return take(this.participant, `${asker.workshopId}:${asker.participantId}`);
    if (asker.kind === 'facilitator') return take(this.facilitator, asker.workshopId);
    return take(this.participant, `socket:${asker.socketId}`);
  }
}

async function take(limiter: RateLimiterAbstract, key: string): Promise<boolean> {
  try {
    await limiter.consume(key);
    return true;
  } catch (err) {
    // rate-limiter-flexible rejects with a RateLimiterRes when the budget is spent, with an Error on failure.
    if (err instanceof RateLimiterRes) return false;
    throw err;
  }
}
