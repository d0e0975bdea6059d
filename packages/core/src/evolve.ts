import type { WorkshopEvent } from './events.ts';
import type { AgendaStep, Idea, Participant, Workshop } from './model.ts';
import { DEFAULT_FOCUS, DEFAULT_VOTING, defaultPlanYear, firstMinutes } from './model.ts';
import { normalisePlanRow } from './plan-rows.ts';
import { ballotOf, mapBallots, withBallot } from './ballots.ts';
import { withoutAuthor } from './erasure.ts';
import { joinedTo, mapParticipants, participantOf, withParticipant } from './participants.ts';
import { dotMoved } from './ranking.ts';
import { copyRecord, emptyRecord, getOwn, hasOwn, mapRecord, withEntry, withoutEntries } from './records.ts';

/**
 * Applies one event. Pure: the given state is never mutated; untouched branches are shared, so a vote
 * costs a copy of two small maps, not of the workshop. Exhaustive over every event type.
 */
export function evolve(state: Workshop | null, event: WorkshopEvent): Workshop {
  if (event.type === 'workshop.created') {
    return {
      id: event.workshopId,
      title: event.title,
      lang: event.lang,
      template: event.template,
      createdAt: event.at,
      planYear: event.planYear ?? defaultPlanYear(event.at),
      place: event.place ?? '',
      date: event.date ?? '',
      startTime: event.startTime ?? '',
      rules: event.rules,
      values: event.values ?? [],
      categories: event.categories ?? [],
      boards: event.boards,
      agenda: event.agenda,
      stepIndex: 0,
      phaseIndex: 0,
      timer: { durationMs: (event.agenda[0] ? firstMinutes(event.agenda[0]) : 0) * 60_000, elapsedMs: 0, startedAt: null },
      spotlightGroupId: null,
      joiningLocked: false,
      participants: {},
      groups: [],
      ideas: emptyRecord(),
      nextIdeaSeq: 1,
      voting: { status: 'idle', revealed: false, settings: event.voting ?? DEFAULT_VOTING },
      votes: {},
      tallies: emptyRecord(),
      focus: event.focus ? { ...DEFAULT_FOCUS, mode: event.focus.mode, value: event.focus.value } : DEFAULT_FOCUS,
      plan: [],
      version: 1,
      dotEvents: 0,
    };
  }
  if (!state) throw new Error(`event ${event.type} before workshop.created`);
  const next = apply(state, event);
  const dot = event.type === 'vote.added' || event.type === 'vote.removed';
  return { ...next, version: state.version + 1, dotEvents: state.dotEvents + (dot ? 1 : 0) };
}

export function replay(events: readonly WorkshopEvent[]): Workshop | null {
  let state: Workshop | null = null;
  for (const event of events) state = evolve(state, event);
  return state;
}

function apply(s: Workshop, e: Exclude<WorkshopEvent, { type: 'workshop.created' }>): Workshop {
  switch (e.type) {
    case 'workshop.updated':
      return {
        ...s,
        title: e.title,
        lang: e.lang,
        planYear: e.planYear ?? s.planYear,
        place: e.place ?? s.place,
        date: e.date ?? s.date,
        startTime: e.startTime ?? s.startTime,
        rules: e.rules ?? s.rules,
        values: e.values ?? s.values,
        categories: e.categories ?? s.categories,
      };
    case 'board.added':
      return { ...s, boards: [...s.boards.slice(0, e.index), e.board, ...s.boards.slice(e.index)] };
    case 'board.updated':
      return { ...s, boards: s.boards.map((b) => (b.id === e.board.id ? e.board : b)) };
    case 'board.deleted':
      return { ...s, boards: s.boards.filter((b) => b.id !== e.boardId) };
    case 'boards.reordered':
      return { ...s, boards: e.boardIds.flatMap((id) => s.boards.filter((b) => b.id === id)) };
    case 'step.added':
      return onAgenda(s, [...s.agenda.slice(0, e.index), e.step, ...s.agenda.slice(e.index)]);
    case 'step.updated':
      return onAgenda(
        s,
        s.agenda.map((st) => (st.id === e.step.id ? e.step : st)),
      );
    case 'step.deleted':
      return onAgenda(
        s,
        s.agenda.filter((st) => st.id !== e.stepId),
      );
    case 'steps.reordered':
      return onAgenda(
        s,
        e.stepIds.flatMap((id) => s.agenda.filter((st) => st.id === id)),
      );
    case 'joining.locked':
      return { ...s, joiningLocked: e.locked };
    case 'participant.joined': {
      const joined: Participant = {
        id: e.participantId,
        name: e.name,
        organisation: e.organisation,
        town: e.town ?? '',
        groupId: null,
        joinedAt: e.at,
        tokenHash: e.tokenHash,
        done: false,
        removed: false,
        paper: e.paper === true,
      };
      const participants = withParticipant(s.participants, joined);
      if (!participantOf(s, e.participantId)) joinedTo(s.participants, participants, joined);
      return { ...s, participants };
    }
    case 'participant.renamed':
      return patchParticipant(s, e.participantId, { name: e.name });
    case 'participant.town-set':
      return patchParticipant(s, e.participantId, { town: e.town });
    case 'participant.removed': {
      const erased = e.erasedAs === undefined ? {} : { name: e.erasedAs, organisation: '', town: '' };
      const without = withoutVotesOf(patchParticipant(s, e.participantId, { removed: true, groupId: null, done: false, ...erased }), e.participantId);
      return e.erasedAs === undefined ? without : withoutAuthor(without, e.participantId);
    }
    case 'participant.done':
      return patchParticipant(s, e.participantId, { done: e.done });
    case 'group.created':
      return { ...s, groups: [...s.groups, { id: e.groupId, name: e.name }] };
    case 'group.renamed':
      return { ...s, groups: s.groups.map((g) => (g.id === e.groupId ? { ...g, name: e.name } : g)) };
    case 'group.deleted': {
      const participants = mapParticipants(s.participants, (p) => (p.groupId === e.groupId ? { ...p, groupId: null } : p));
      const ideas = mapRecord(s.ideas, (i) => (i.groupId === e.groupId ? { ...i, groupId: null } : i));
      const spotlightGroupId = s.spotlightGroupId === e.groupId ? null : s.spotlightGroupId;
      return { ...s, groups: s.groups.filter((g) => g.id !== e.groupId), participants, ideas, spotlightGroupId };
    }
    case 'group.assigned':
      return patchParticipant(s, e.participantId, { groupId: e.groupId });
    case 'groups.split': {
      const participants = mapParticipants(s.participants, (p) =>
        // The assignment comes parsed from the log: read it by own properties only.
        p.removed ? p : { ...p, groupId: getOwn(e.assignment, p.id) ?? null },
      );
      const kept = new Set(e.groups.map((g) => g.id));
      const ideas = mapRecord(s.ideas, (i) => (i.groupId && !kept.has(i.groupId) ? { ...i, groupId: null } : i));
      return { ...s, groups: e.groups, participants, ideas, spotlightGroupId: null };
    }
    case 'idea.added': {
      const idea: Idea = {
        id: e.ideaId,
        boardId: e.boardId,
        text: e.text,
        details: e.details,
        groupId: e.groupId,
        authorId: e.authorId,
        hidden: false,
        seq: s.nextIdeaSeq,
        merged: [],
        tips: false,
        category: null,
      };
      return { ...s, ideas: withEntry(s.ideas, idea.id, idea), nextIdeaSeq: s.nextIdeaSeq + 1 };
    }
    case 'idea.edited':
      return patchIdea(s, e.ideaId, { text: e.text, details: e.details });
    case 'idea.moved':
      return patchIdea(s, e.ideaId, { boardId: e.boardId });
    case 'idea.hidden':
      return patchIdea(s, e.ideaId, { hidden: e.hidden });
    case 'idea.marked':
      return patchIdea(s, e.ideaId, { tips: e.tips, category: e.category });
    case 'idea.deleted':
      return withoutIdeas(s, [e.ideaId]);
    case 'idea.merged': {
      const target = getOwn(s.ideas, e.targetId);
      if (!target) return s;
      const sources = e.sourceIds.map((id) => getOwn(s.ideas, id)).filter((i): i is Idea => !!i);
      const merged = [...target.merged, ...sources.flatMap((i) => [i.text, ...i.merged])];
      // Dots on the merged ideas move to the target, person by person (merging is refused while voting is open).
      const votes = mapBallots(s.votes, (mine) => {
        const moved = e.sourceIds.reduce((sum, id) => sum + (getOwn(mine, id) ?? 0), 0);
        if (moved === 0) return mine;
        return withEntry(mine, e.targetId, (getOwn(mine, e.targetId) ?? 0) + moved);
      });
      // Like addDots, the projection keeps no zero entries: merging undotted ideas adds none.
      const total = (getOwn(s.tallies, e.targetId) ?? 0) + e.sourceIds.reduce((n, id) => n + (getOwn(s.tallies, id) ?? 0), 0);
      const tallies = total > 0 ? withEntry(s.tallies, e.targetId, total) : s.tallies;
      // A TIPS or a category on a merged note is not lost: the target keeps its own, else takes the first source's.
      const tips = target.tips || sources.some((i) => i.tips);
      const category = target.category ?? sources.find((i) => i.category !== null)?.category ?? null;
      const withTarget = { ...s, votes, tallies, ideas: withEntry(s.ideas, e.targetId, { ...target, merged, tips, category }) };
      return withoutIdeas(withTarget, e.sourceIds);
    }
    case 'agenda.moved':
      return { ...s, stepIndex: e.stepIndex, phaseIndex: 0, timer: { durationMs: e.durationMs, elapsedMs: 0, startedAt: null }, spotlightGroupId: null };
    case 'agenda.phase-moved':
      return { ...s, phaseIndex: e.phaseIndex, timer: { durationMs: e.durationMs, elapsedMs: 0, startedAt: e.startedAt } };
    case 'timer.started':
      return { ...s, timer: { ...s.timer, startedAt: e.at } };
    case 'timer.paused': {
      // Clamped like remainingMs, so a clock that stepped back cannot add time.
      const running = s.timer.startedAt === null ? 0 : Math.max(0, e.at - s.timer.startedAt);
      return { ...s, timer: { ...s.timer, elapsedMs: s.timer.elapsedMs + running, startedAt: null } };
    }
    case 'timer.extended':
      return { ...s, timer: { ...s.timer, durationMs: s.timer.durationMs + e.ms } };
    case 'timer.reset':
      return { ...s, timer: { ...s.timer, elapsedMs: 0, startedAt: null } };
    case 'spotlight.set':
      return { ...s, spotlightGroupId: e.groupId };
    case 'voting.configured':
      return { ...s, voting: { ...s.voting, settings: e.settings } };
    case 'voting.opened':
      return { ...s, voting: { ...s.voting, status: 'open' } };
    case 'voting.closed':
      return { ...s, voting: { ...s.voting, status: 'closed' } };
    case 'voting.revealed':
      return { ...s, voting: { ...s.voting, revealed: e.revealed } };
    case 'voting.reset':
      return {
        ...s,
        voting: { ...s.voting, status: 'idle', revealed: false },
        votes: {},
        tallies: emptyRecord(),
        participants: mapParticipants(s.participants, (p) => (p.done ? { ...p, done: false } : p)),
      };
    // A log written before reserved names were refused may hold dots on ideas or people that never were
    // (decided against Object.prototype): such a dot is no dot, so replay skips it instead of counting a ghost.
    case 'vote.added':
      return hasOwn(s.ideas, e.ideaId) && participantOf(s, e.participantId) ? addDots(s, e.participantId, e.ideaId, 1) : s;
    case 'vote.removed':
      return (getOwn(ballotOf(s.votes, e.participantId), e.ideaId) ?? 0) > 0 ? addDots(s, e.participantId, e.ideaId, -1) : s;
    case 'focus.suggested':
      return { ...s, focus: { ...s.focus, mode: e.mode, value: e.value } };
    case 'focus.toggled': {
      const added = s.focus.added.filter((id) => id !== e.ideaId);
      const removed = s.focus.removed.filter((id) => id !== e.ideaId);
      return {
        ...s,
        focus: e.included ? { ...s.focus, added: [...added, e.ideaId], removed } : { ...s.focus, added, removed: [...removed, e.ideaId] },
      };
    }
    case 'plan.set': {
      // Rows from logs written before plan dates get theirs here (plan-rows.ts).
      const row = normalisePlanRow(e.row, s.planYear);
      const exists = s.plan.some((r) => r.id === row.id);
      return { ...s, plan: exists ? s.plan.map((r) => (r.id === row.id ? row : r)) : [...s.plan, row] };
    }
    case 'plan.deleted':
      return { ...s, plan: s.plan.filter((r) => r.id !== e.rowId) };
    default:
      return assertNever(e);
  }
}

function assertNever(x: never): never {
  throw new Error(`unknown event ${JSON.stringify(x)}`);
}

function patchParticipant(s: Workshop, id: string, patch: Partial<Participant>): Workshop {
  const p = participantOf(s, id);
  if (!p) return s;
  return { ...s, participants: withParticipant(s.participants, { ...p, ...patch }) };
}

function patchIdea(s: Workshop, id: string, patch: Partial<Idea>): Workshop {
  const idea = getOwn(s.ideas, id);
  if (!idea) return s;
  return { ...s, ideas: withEntry(s.ideas, id, { ...idea, ...patch }) };
}

function addDots(s: Workshop, participantId: string, ideaId: string, delta: number): Workshop {
  const mine = ballotOf(s.votes, participantId);
  const count = (getOwn(mine, ideaId) ?? 0) + delta;
  const nextMine = copyRecord(mine);
  if (count > 0) nextMine[ideaId] = count;
  else delete nextMine[ideaId];
  const tally = (getOwn(s.tallies, ideaId) ?? 0) + delta;
  const tallies = copyRecord(s.tallies);
  if (tally > 0) tallies[ideaId] = tally;
  else delete tallies[ideaId];
  const votes = withBallot(s.votes, participantId, nextMine);
  dotMoved(s.votes, votes, ideaId, count - delta, count);
  return { ...s, votes, tallies };
}

/**
 * A new agenda that keeps the room on the step it was on: found again by id, with its phase kept when the
 * step still has it. (Deleting the current step is refused in decide, so it is always found.)
 */
function onAgenda(s: Workshop, agenda: AgendaStep[]): Workshop {
  const currentId = s.agenda[s.stepIndex]?.id;
  const found = agenda.findIndex((st) => st.id === currentId);
  const stepIndex = found >= 0 ? found : Math.min(s.stepIndex, agenda.length - 1);
  const phases = agenda[stepIndex]?.phases?.length ?? 0;
  const phaseIndex = phases === 0 ? 0 : Math.min(s.phaseIndex, phases - 1);
  return { ...s, agenda, stepIndex, phaseIndex };
}

/** Removes ideas and returns their dots to whoever placed them; drops them from focus and plan links. */
function withoutIdeas(s: Workshop, ids: readonly string[]): Workshop {
  const gone = new Set(ids);
  const ideas = withoutEntries(s.ideas, ids);
  const tallies = withoutEntries(s.tallies, ids);
  const votes = mapBallots(s.votes, (mine) => (ids.some((id) => hasOwn(mine, id)) ? withoutEntries(mine, ids) : mine));
  const focus = {
    ...s.focus,
    added: s.focus.added.filter((id) => !gone.has(id)),
    removed: s.focus.removed.filter((id) => !gone.has(id)),
  };
  const plan = s.plan.map((r) => (r.ideaId && gone.has(r.ideaId) ? { ...r, ideaId: null } : r));
  return { ...s, ideas, tallies, votes, focus, plan };
}

function withoutVotesOf(s: Workshop, participantId: string): Workshop {
  const mine = ballotOf(s.votes, participantId);
  if (!mine) return s;
  const tallies = copyRecord(s.tallies);
  for (const [ideaId, n] of Object.entries(mine)) {
    const left = (getOwn(tallies, ideaId) ?? 0) - n;
    if (left > 0) tallies[ideaId] = left;
    else delete tallies[ideaId];
  }
  return { ...s, votes: withBallot(s.votes, participantId, null), tallies };
}
