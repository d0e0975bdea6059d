import type { Actor, Command } from './commands.ts';
import { PARTICIPANT_COMMANDS } from './commands.ts';
import type { DomainError, Result } from './errors.ts';
import { fail, ok } from './errors.ts';
import type { WorkshopEvent } from './events.ts';
import type { Participant, VotingSettings, Workshop } from './model.ts';
import { DEFAULT_FOCUS, DEFAULT_VOTING, LIMITS, defaultPlanYear, firstMinutes } from './model.ts';
import { checkDesign } from './design.ts';
import { decideDesign } from './decide-design.ts';
import { decideNotes } from './decide-notes.ts';
import { checkPlanRow } from './plan-rows.ts';
import { activeCount, activeParticipants, comparedName, participantOf, takenNames } from './participants.ts';
import { shuffled } from './random.ts';
import { canAddDot, canRemoveDot, dotsSpent } from './voting.ts';
import { ballotOf, eachBallot } from './ballots.ts';
import { emptyRecord, getOwn, hasOwn } from './records.ts';
import { ERASED_NAME } from './erasure.ts';

type Decision = Result<WorkshopEvent[]>;

/**
 * Decides a command against the current state: the events it causes, or why it is refused.
 * Pure: `now` comes from the caller. A refused command changes nothing.
 */
export function decide(state: Workshop | null, command: Command, actor: Actor, now: number): Decision {
  if (command.type === 'workshop:create') {
    if (state) return fail('already_exists', 'workshop exists');
    if (actor.role === 'participant') return fail('forbidden', 'participants cannot create workshops');
    const { type: _type, ...rest } = command;
    const created = {
      ...rest,
      values: rest.values ?? [],
      categories: rest.categories ?? [],
      planYear: rest.planYear ?? defaultPlanYear(now),
      place: rest.place ?? '',
      date: rest.date ?? '',
      startTime: rest.startTime ?? '',
      voting: rest.voting ?? DEFAULT_VOTING,
      focus: rest.focus ?? { mode: DEFAULT_FOCUS.mode, value: DEFAULT_FOCUS.value },
    };
    const refusal = checkDesign(created);
    if (refusal) return { ok: false, error: refusal };
    return ok([{ type: 'workshop.created', ...created, at: now }]);
  }
  if (!state) return fail('not_found', 'no such workshop');
  if (actor.role === 'participant') {
    if (!PARTICIPANT_COMMANDS.has(command.type)) return fail('forbidden', `${command.type} needs the facilitator`);
    const me = participantOf(state, actor.participantId);
    if (!me || me.removed) return fail('forbidden', 'participant is not in this workshop');
  }
  if (command.type === 'participant:join' && actor.role !== 'system') {
    return fail('forbidden', 'participants join through the server');
  }
  return decideIn(state, command, actor, now);
}

function decideIn(s: Workshop, c: Exclude<Command, { type: 'workshop:create' }>, actor: Actor, now: number): Decision {
  const self = actor.role === 'participant' ? actor.participantId : null;
  switch (c.type) {
    case 'workshop:update':
    case 'board:add':
    case 'board:update':
    case 'board:delete':
    case 'board:reorder':
    case 'step:add':
    case 'step:update':
    case 'step:delete':
    case 'step:reorder':
      return decideDesign(s, c);
    case 'idea:mark':
    case 'participant:town':
      return decideNotes(s, c, self);
    case 'workshop:lock-joining':
      return ok([{ type: 'joining.locked', locked: c.locked }]);

    case 'participant:join': {
      if (s.joiningLocked) return fail('joining_locked', 'joining is locked');
      if (participantOf(s, c.participantId)) return fail('already_exists', 'participant exists');
      if (activeCount(s) >= LIMITS.participants) return fail('limit_reached', 'workshop is full');
      const name = uniqueName(s, c.name, null);
      const town = (c.town ?? '').trim().replace(/\s+/g, ' ').slice(0, LIMITS.town);
      return ok([{ type: 'participant.joined', participantId: c.participantId, name, organisation: c.organisation, town, tokenHash: c.tokenHash, at: now }]);
    }
    case 'participant:add': {
      if (participantOf(s, c.participantId)) return fail('already_exists', 'participant exists');
      if (activeCount(s) >= LIMITS.participants) return fail('limit_reached', 'workshop is full');
      const name = uniqueName(s, c.name, null);
      return ok([
        { type: 'participant.joined', participantId: c.participantId, name, organisation: c.organisation ?? '', tokenHash: '', at: now, paper: true },
      ]);
    }
    case 'participant:rename': {
      if (self && self !== c.participantId) return fail('forbidden', 'you can only rename yourself');
      const p = present(s, c.participantId);
      if (!p) return fail('not_found', 'no such participant');
      return ok([{ type: 'participant.renamed', participantId: p.id, name: uniqueName(s, c.name, p.id) }]);
    }
    case 'participant:remove': {
      // Erasing may come after the removal: someone asks later to be forgotten.
      const p = c.erase ? participantOf(s, c.participantId) : present(s, c.participantId);
      if (!p) return fail('not_found', 'no such participant');
      return ok([{ type: 'participant.removed', participantId: p.id, ...(c.erase ? { erasedAs: ERASED_NAME[s.lang] } : {}) }]);
    }
    case 'participant:done': {
      const who = voterOf(s, self, c.participantId);
      if (!who.ok) return who;
      return ok([{ type: 'participant.done', participantId: who.value, done: c.done }]);
    }

    case 'group:create':
      if (s.groups.some((g) => g.id === c.groupId)) return fail('already_exists', 'group exists');
      if (s.groups.length >= LIMITS.groups) return fail('limit_reached', 'too many groups');
      return ok([{ type: 'group.created', groupId: c.groupId, name: c.name }]);
    case 'group:rename':
      if (!hasGroup(s, c.groupId)) return fail('not_found', 'no such group');
      return ok([{ type: 'group.renamed', groupId: c.groupId, name: c.name }]);
    case 'group:delete':
      if (!hasGroup(s, c.groupId)) return fail('not_found', 'no such group');
      return ok([{ type: 'group.deleted', groupId: c.groupId }]);
    case 'group:assign':
      if (!present(s, c.participantId)) return fail('not_found', 'no such participant');
      if (c.groupId !== null && !hasGroup(s, c.groupId)) return fail('not_found', 'no such group');
      return ok([{ type: 'group.assigned', participantId: c.participantId, groupId: c.groupId }]);
    case 'group:split': {
      if (c.groups.length < 1 || c.groups.length > LIMITS.groups) return fail('invalid', 'between 1 and 50 groups');
      if (new Set(c.groups.map((g) => g.id)).size !== c.groups.length) return fail('invalid', 'group ids must differ');
      // Stable input order (join order), then a seeded shuffle dealt round-robin: balanced and replayable.
      const people = [...activeParticipants(s)].sort((a, b) => a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
      const assignment = emptyRecord<string>();
      shuffled(people, c.seed).forEach((p, i) => {
        assignment[p.id] = (c.groups[i % c.groups.length] as { id: string }).id;
      });
      return ok([{ type: 'groups.split', groups: c.groups, assignment }]);
    }

    case 'idea:add': {
      if (hasOwn(s.ideas, c.ideaId)) return fail('already_exists', 'idea exists');
      if (!s.boards.some((b) => b.id === c.boardId)) return fail('not_found', 'no such board');
      if (Object.keys(s.ideas).length >= LIMITS.ideas) return fail('limit_reached', 'too many ideas');
      let groupId = c.groupId ?? null;
      if (self) {
        if (s.agenda[s.stepIndex]?.kind !== 'brainstorm') return fail('not_accepting_ideas', 'ideas are not being collected now');
        groupId = participantOf(s, self)?.groupId ?? null;
      } else if (groupId !== null && !hasGroup(s, groupId)) return fail('not_found', 'no such group');
      return ok([{ type: 'idea.added', ideaId: c.ideaId, boardId: c.boardId, text: c.text, details: c.details ?? '', groupId, authorId: self }]);
    }
    case 'idea:edit': {
      const idea = getOwn(s.ideas, c.ideaId);
      if (!idea) return fail('not_found', 'no such idea');
      if (self) {
        if (idea.authorId !== self) return fail('forbidden', 'you can only edit your own ideas');
        if (s.agenda[s.stepIndex]?.kind !== 'brainstorm') return fail('not_accepting_ideas', 'ideas are not being collected now');
      }
      return ok([{ type: 'idea.edited', ideaId: idea.id, text: c.text, details: c.details }]);
    }
    case 'idea:move':
      if (!hasOwn(s.ideas, c.ideaId)) return fail('not_found', 'no such idea');
      if (!s.boards.some((b) => b.id === c.boardId)) return fail('not_found', 'no such board');
      return ok([{ type: 'idea.moved', ideaId: c.ideaId, boardId: c.boardId }]);
    case 'idea:merge': {
      if (s.voting.status === 'open') return fail('voting_open', 'close voting before merging');
      if (!hasOwn(s.ideas, c.targetId)) return fail('not_found', 'no such idea');
      const sources = [...new Set(c.sourceIds)];
      if (sources.length === 0 || sources.includes(c.targetId)) return fail('invalid', 'merge other ideas into the target');
      if (sources.some((id) => !hasOwn(s.ideas, id))) return fail('not_found', 'no such idea');
      return ok([{ type: 'idea.merged', targetId: c.targetId, sourceIds: sources }]);
    }
    case 'idea:hide':
      if (!hasOwn(s.ideas, c.ideaId)) return fail('not_found', 'no such idea');
      return ok([{ type: 'idea.hidden', ideaId: c.ideaId, hidden: c.hidden }]);
    case 'idea:delete': {
      const idea = getOwn(s.ideas, c.ideaId);
      if (!idea) return fail('not_found', 'no such idea');
      if (self) {
        // A participant withdraws their own idea while ideas are collected; one with dots stays (others chose it).
        if (idea.authorId !== self) return fail('forbidden', 'you can only withdraw your own ideas');
        if (s.agenda[s.stepIndex]?.kind !== 'brainstorm') return fail('not_accepting_ideas', 'ideas are not being collected now');
        if (s.voting.status === 'open') return fail('voting_open', 'voting is open');
        if ((getOwn(s.tallies, idea.id) ?? 0) > 0) return fail('forbidden', 'an idea with dots stays: others chose it');
      }
      return ok([{ type: 'idea.deleted', ideaId: idea.id }]);
    }

    case 'agenda:goto': {
      const step = s.agenda[c.stepIndex];
      if (!step) return fail('not_found', 'no such step');
      // A step with phases starts at its first part's countdown.
      return ok([{ type: 'agenda.moved', stepIndex: c.stepIndex, durationMs: firstMinutes(step) * 60_000 }]);
    }
    case 'agenda:phase': {
      const phase = s.agenda[s.stepIndex]?.phases?.[c.phaseIndex];
      if (!phase || !Number.isInteger(c.phaseIndex)) return fail('not_found', 'no such phase in this step');
      const startedAt = s.timer.startedAt === null ? null : now;
      return ok([{ type: 'agenda.phase-moved', phaseIndex: c.phaseIndex, durationMs: phase.minutes * 60_000, startedAt }]);
    }
    case 'timer:start':
      if (s.timer.startedAt !== null) return fail('invalid', 'the timer is already running');
      return ok([{ type: 'timer.started', at: now }]);
    case 'timer:pause':
      if (s.timer.startedAt === null) return fail('invalid', 'the timer is not running');
      return ok([{ type: 'timer.paused', at: now }]);
    case 'timer:extend':
      if (s.timer.durationMs + c.ms > LIMITS.timerMs || s.timer.durationMs + c.ms < 0) return fail('invalid', 'timer out of range');
      return ok([{ type: 'timer.extended', ms: c.ms }]);
    case 'timer:reset':
      return ok([{ type: 'timer.reset' }]);
    case 'presentation:spotlight':
      if (c.groupId !== null && !hasGroup(s, c.groupId)) return fail('not_found', 'no such group');
      return ok([{ type: 'spotlight.set', groupId: c.groupId }]);

    case 'voting:configure': {
      const settings: VotingSettings = { ...s.voting.settings, ...c.settings };
      const refusal = checkSettings(s, settings);
      if (refusal) return { ok: false, error: refusal };
      return ok([{ type: 'voting.configured', settings }]);
    }
    case 'voting:open':
      if (s.voting.status === 'open') return fail('invalid', 'voting is already open');
      return ok([{ type: 'voting.opened' }]);
    case 'voting:close':
      if (s.voting.status !== 'open') return fail('voting_not_open', 'voting is not open');
      return ok([{ type: 'voting.closed' }]);
    case 'voting:reveal':
      return ok([{ type: 'voting.revealed', revealed: c.revealed }]);
    case 'voting:reset':
      return ok([{ type: 'voting.reset' }]);
    case 'vote:add': {
      const voter = voterOf(s, self, c.participantId);
      if (!voter.ok) return voter;
      if (s.voting.status !== 'open') return fail('voting_not_open', 'voting is not open');
      const idea = getOwn(s.ideas, c.ideaId);
      if (!idea || idea.hidden) return fail('not_found', 'no such idea');
      const refusal = canAddDot(s.voting.settings, ballotOf(s.votes, voter.value), c.ideaId);
      if (refusal) return fail(refusal, refusal === 'budget_exhausted' ? 'no dots left' : 'the cap for this idea is reached');
      return ok([{ type: 'vote.added', participantId: voter.value, ideaId: c.ideaId }]);
    }
    case 'vote:remove': {
      const voter = voterOf(s, self, c.participantId);
      if (!voter.ok) return voter;
      if (s.voting.status !== 'open') return fail('voting_not_open', 'voting is not open');
      if (canRemoveDot(ballotOf(s.votes, voter.value), c.ideaId)) return fail('no_dot_to_remove', 'no dot of yours on this idea');
      return ok([{ type: 'vote.removed', participantId: voter.value, ideaId: c.ideaId }]);
    }

    case 'focus:suggest':
      if (!Number.isInteger(c.value) || c.value < (c.mode === 'top' ? 1 : 0)) return fail('invalid', 'focus value out of range');
      return ok([{ type: 'focus.suggested', mode: c.mode, value: c.value }]);
    case 'focus:toggle':
      if (!hasOwn(s.ideas, c.ideaId)) return fail('not_found', 'no such idea');
      return ok([{ type: 'focus.toggled', ideaId: c.ideaId, included: c.included }]);
    case 'plan:set':
      if (!s.plan.some((r) => r.id === c.row.id) && s.plan.length >= LIMITS.planRows) return fail('limit_reached', 'the plan is full');
      if (c.row.ideaId !== null && !hasOwn(s.ideas, c.row.ideaId)) return fail('not_found', 'no such idea');
      {
        const refusal = checkPlanRow(c.row);
        if (refusal) return { ok: false, error: refusal };
      }
      return ok([{ type: 'plan.set', row: c.row }]);
    case 'plan:delete':
      if (!s.plan.some((r) => r.id === c.rowId)) return fail('not_found', 'no such plan row');
      return ok([{ type: 'plan.deleted', rowId: c.rowId }]);
    default:
      return assertNever(c);
  }
}

function assertNever(x: never): never {
  throw new Error(`unknown command ${JSON.stringify(x)}`);
}

function checkSettings(s: Workshop, next: VotingSettings): DomainError | null {
  if (!Number.isInteger(next.budget) || next.budget < 1 || next.budget > LIMITS.budget) {
    return { code: 'invalid', message: `budget must be 1–${LIMITS.budget}` };
  }
  if (next.capPerIdea !== null && (!Number.isInteger(next.capPerIdea) || next.capPerIdea < 1 || next.capPerIdea > next.budget)) {
    return { code: 'invalid', message: 'cap must be between 1 and the budget' };
  }
  const ballots = [...eachBallot(s.votes)].map(([, ballot]) => ballot);
  const maxSpent = Math.max(0, ...ballots.map((mine) => dotsSpent(mine)));
  if (next.budget < maxSpent) return { code: 'budget_below_spent', message: `someone has already placed ${maxSpent} dots` };
  const maxStack = Math.max(0, ...ballots.flatMap((mine) => Object.values(mine)));
  if (next.capPerIdea !== null && next.capPerIdea < maxStack) {
    return { code: 'cap_below_stacked', message: `someone has already stacked ${maxStack} dots on one idea` };
  }
  if (s.voting.settings.anonymous && !next.anonymous && ballots.some((mine) => dotsSpent(mine) > 0)) {
    return { code: 'anonymity_locked', message: 'dots were placed anonymously' };
  }
  return null;
}

/**
 * Whose ballot a dot (or "klar") is for: a participant's own, or, from the facilitator, the paper ballot
 * of someone added without a phone. Nobody else's.
 */
function voterOf(s: Workshop, self: string | null, participantId: string | undefined): Result<string> {
  if (self) return participantId === undefined || participantId === self ? ok(self) : fail('forbidden', 'only your own ballot');
  if (participantId === undefined) return fail('forbidden', 'only participants vote');
  const p = present(s, participantId);
  if (!p) return fail('not_found', 'no such participant');
  if (!p.paper) return fail('forbidden', 'the facilitator places dots only for people added without a phone');
  return ok(p.id);
}

function present(s: Workshop, id: string): Participant | null {
  const p = participantOf(s, id);
  return p && !p.removed ? p : null;
}

function hasGroup(s: Workshop, id: string): boolean {
  return s.groups.some((g) => g.id === id);
}

/** "Anna", then "Anna (2)", "Anna (3)": two people never share a name on the screen. */
export function uniqueName(s: Workshop, wanted: string, selfId: string | null): string {
  const name = wanted.trim().replace(/\s+/g, ' ');
  const taken = takenNames(s);
  // Keeping one's own name (any case) is no clash.
  const self = selfId === null ? undefined : present(s, selfId);
  const own = self ? comparedName(self) : null;
  const isTaken = (candidate: string): boolean => {
    const lower = candidate.toLocaleLowerCase('sv');
    return (taken.get(lower) ?? 0) > (lower === own ? 1 : 0);
  };
  if (!isTaken(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name} (${n})`;
    if (!isTaken(candidate)) return candidate;
  }
}
