import type { Ballot, Ballots, Workshop, WorkshopEvent } from '@fokus/core';
import { ballotOf } from '@fokus/core';
import type { VoteFigures } from '@fokus/protocol';
import { voteFigures } from '@fokus/protocol';

/**
 * The release rule of anonymous voting. Everyone but the voter (facilitator, screen, other phones, the
 * export) sees the dots only as room-wide figures (dots per idea with voters, dots placed), and those figures
 * move only in steps that no diff can pin on one person.
 *
 * The rule: while anonymous voting is open the figures shown stay those of the last release. A person whose
 * ballot now differs from what was released is a pending change; the change is *settled* once that person
 * says "klar" after it, is removed, or has not touched a dot for SETTLE_MS. When at least MIN_VOTERS
 * pending changes are settled, everything pending is released at once (the settled ones and any still in
 * progress). So every released step holds the changes of at least three people.
 *
 * Why settled, not merely "three people placed dots since": with one voter at a time that weaker rule
 * releases at the third person's first dot, so a step is the rest of one ballot, a whole ballot and one dot,
 * and the sizes tell them apart. Here a step is triggered by a "klar", a removal or the clock, never a dot,
 * so the trigger carries no dot of its own. A change that cancels out (a dot placed and taken back) is no
 * change and gives no cover.
 *
 * Released at once, whatever is pending: when voting closes, is reset, anonymity is switched on or off, or
 * voting is not open (results must be complete; nothing can be placed). Ideas deleted meanwhile leave the
 * figures at once (their dots were public and are gone for everyone).
 *
 * The unavoidable leak: closing releases what is pending. If fewer than three people changed their dots
 * since the last release (the last one or two voters, say), the difference between the last live figures
 * and the result is theirs. Results must be the real count and the facilitator must not learn whether
 * anything is pending (that would be a signal too), so closing cannot wait: at worst the last one or two
 * people to change their dots are a step of their own.
 *
 * What k-anonymity does not hide: sizes and likeness within a step (one person moving ten dots among two who
 * move one stands out; three people who all chose the same idea are seen to have), voters faked by the
 * facilitator (three means three real people only if the phones are real), and a restart or reload of the
 * room during voting (the gate lives in memory; a loaded room starts with what the log holds released).
 * The version counter would be a side channel too (counting events between two "klar"s counts one voter's
 * taps), so the facilitator and the screen get core's `publicVersion`, which no dot moves (workshop-room.ts).
 */
export const MIN_VOTERS = 3;
/** A pending change with no dot for this long counts as settled: people who never press "klar" still move the figures. */
export const SETTLE_MS = 30_000;

interface Pending {
  /** When this person last placed or took back a dot. */
  at: number;
  /** Said "klar" (or was removed) since their last dot. */
  settled: boolean;
}

interface Held {
  /** The ballots as last released. */
  votes: Ballots;
  /** Their figures, less ideas deleted since. */
  figures: VoteFigures;
  pending: Map<string, Pending>;
}

export class AnonymityGate {
  /** null while nothing is held back: named voting, or voting not open. */
  private held: Held | null;

  constructor(state: Workshop) {
    // A room loaded from the log starts with what it holds released (the gate is not stored).
    this.held = gated(state) ? hold(state) : null;
  }

  /** The figures anyone but the voter may see of `state`. */
  figures(state: Workshop): VoteFigures {
    return this.held ? this.held.figures : voteFigures(state);
  }

  /** `state` with only the released ballots in it: for exports and anything else computed from the votes. */
  shown(state: Workshop): Workshop {
    if (!this.held) return state;
    const tallies: Record<string, number> = Object.create(null);
    for (const [ideaId, t] of Object.entries(this.held.figures.tallies)) tallies[ideaId] = t.dots;
    return { ...state, votes: this.held.votes, tallies };
  }

  /** Durable events in log order, with the state after them. True if the figures shown changed. */
  observe(events: readonly WorkshopEvent[], after: Workshop, now: number): boolean {
    const held = this.held;
    if (!gated(after)) {
      this.held = null;
      return held !== null;
    }
    // Just became gated (voting opened, anonymity switched on): everything so far was visible anyway.
    if (!held) {
      this.held = hold(after);
      return true;
    }
    let changed = false;
    // Only a "klar" or a removal can settle a change here (a dot unsettles its own; the clock is `tick`'s).
    let settles = false;
    for (const e of events) {
      switch (e.type) {
        case 'voting.reset':
          // Everyone back to nothing: no one's step.
          this.held = hold(after);
          return true;
        case 'vote.added':
        case 'vote.removed':
          held.pending.set(e.participantId, { at: now, settled: false });
          break;
        case 'participant.done': {
          const p = held.pending.get(e.participantId);
          if (p) p.settled = e.done;
          settles ||= e.done;
          break;
        }
        case 'participant.removed':
          held.pending.set(e.participantId, { at: now, settled: true });
          settles = true;
          break;
        case 'idea.deleted': {
          const figures = withoutIdea(held.figures, e.ideaId);
          changed ||= figures !== held.figures;
          held.figures = figures;
          break;
        }
        default:
          break;
      }
    }
    return (settles && this.release(after, now)) || changed;
  }

  /** The clock alone may settle a change (no dot for SETTLE_MS). True if that released the figures. */
  tick(state: Workshop, now: number): boolean {
    return this.held !== null && gated(state) && this.release(state, now);
  }

  /** When `tick` may next release something; Infinity if only an event can. */
  nextTick(now: number): number {
    let next = Infinity;
    for (const p of this.held?.pending.values() ?? []) {
      const due = p.at + SETTLE_MS;
      if (!p.settled && due > now) next = Math.min(next, due);
    }
    return next;
  }

  private release(state: Workshop, now: number): boolean {
    const held = this.held;
    if (!held || !ready(held, state, now)) return false;
    this.held = hold(state);
    return true;
  }
}

function gated(s: Workshop): boolean {
  return s.voting.settings.anonymous && s.voting.status === 'open';
}

function hold(s: Workshop): Held {
  return { votes: s.votes, figures: voteFigures(s), pending: new Map() };
}

/** At least MIN_VOTERS settled changes that really change something. */
function ready(held: Held, state: Workshop, now: number): boolean {
  let settled = 0;
  for (const [participantId, p] of held.pending) {
    if (!p.settled && now - p.at < SETTLE_MS) continue;
    if (!differs(ballotOf(held.votes, participantId), ballotOf(state.votes, participantId), state)) continue;
    if (++settled >= MIN_VOTERS) return true;
  }
  return false;
}

/** Two ballots differ on an idea that still exists (a deleted idea's dots are gone from both). */
function differs(a: Ballot | undefined, b: Ballot | undefined, state: Workshop): boolean {
  const ideas = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  for (const ideaId of ideas) {
    if (!Object.hasOwn(state.ideas, ideaId)) continue;
    if (dotsOn(a, ideaId) !== dotsOn(b, ideaId)) return true;
  }
  return false;
}

const dotsOn = (ballot: Ballot | undefined, ideaId: string): number => (ballot && Object.hasOwn(ballot, ideaId) ? (ballot[ideaId] ?? 0) : 0);

function withoutIdea(figures: VoteFigures, ideaId: string): VoteFigures {
  if (!Object.hasOwn(figures.tallies, ideaId)) return figures;
  const tallies: VoteFigures['tallies'] = Object.create(null);
  let dotsUsed = 0;
  for (const [id, t] of Object.entries(figures.tallies)) {
    if (id === ideaId) continue;
    tallies[id] = t;
    dotsUsed += t.dots;
  }
  return { tallies, dotsUsed };
}
