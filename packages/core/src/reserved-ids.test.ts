/**
 * Ids are data: a name that is also a property of Object.prototype ("__proto__", "toString", …) is an
 * ordinary id to core. The protocol refuses such ids on the wire, but a log written before it did may hold
 * them, so every command and every replay must treat them exactly as it treats "ordinaryId".
 */
import { describe, expect, it } from 'vitest';
import type { Actor, Command } from './commands.ts';
import { decide } from './decide.ts';
import type { WorkshopEvent } from './events.ts';
import { evolve, replay } from './evolve.ts';
import type { AgendaStep, Board, PlanRow, Workshop } from './model.ts';
import { ballotsAsRecord } from './ballots.ts';
import { computeFocus } from './focus.ts';
import { rankIdeas, tallyOf } from './ranking.ts';
import { RESERVED_IDS, recordFrom, shardsOf } from './records.ts';
import { FAC, P, SYS } from './test-helpers.ts';
import { allParticipants, participantOf } from './participants.ts';

/** Every own property name of Object.prototype, plus "prototype": the names a plain object answers to. */
const RESERVED = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
] as const;

const ORDINARY = 'ordinaryId';

type Outcome = { events: unknown } | { error: string } | { threw: string };

/** A whole workshop in which `x` is the id of a participant, an idea, a group, a board, a step and a plan row. */
function scenario(x: string): [Command, Actor][] {
  const boards: Board[] = [
    { id: x, title: 'A', purpose: '', questions: [] },
    { id: 'b2', title: 'B', purpose: '', questions: [] },
  ];
  const agenda: AgendaStep[] = [
    { id: 'lobby', kind: 'lobby', title: 'Lobby', prompt: '', minutes: 5 },
    { id: x, kind: 'brainstorm', title: 'Ideas', prompt: '', minutes: 20 },
    { id: 'vote', kind: 'vote', title: 'Vote', prompt: '', minutes: 10 },
  ];
  const row = (ideaId: string | null, theme: string): PlanRow => ({
    id: x,
    month: '2027-02',
    day: null,
    start: null,
    end: null,
    kind: 'monthly',
    themeNo: 1,
    theme,
    ideaId,
    host: '',
    backup: '',
    comment: '',
  });
  const f = (c: Command): [Command, Actor] => [c, FAC];
  const px = (c: Command): [Command, Actor] => [c, P(x)];
  const p2 = (c: Command): [Command, Actor] => [c, P('p2')];
  const join = (participantId: string, name: string): [Command, Actor] => [
    { type: 'participant:join', participantId, name, organisation: 'Org', tokenHash: `hash-of-${name}` },
    SYS,
  ];
  return [
    f({ type: 'workshop:create', workshopId: x, title: 'W', lang: 'sv', template: 'blank', rules: [], boards, agenda }),
    join('p2', 'Pia'),
    join('p3', 'Per'),
    f({ type: 'idea:add', ideaId: 'i0', boardId: 'b2', text: 'Zero' }),

    // x names nothing yet: every command that looks it up finds nothing.
    f({ type: 'participant:rename', participantId: x, name: 'Ghost' }),
    f({ type: 'participant:remove', participantId: x }),
    f({ type: 'group:assign', participantId: x, groupId: null }),
    f({ type: 'group:assign', participantId: 'p2', groupId: x }),
    f({ type: 'group:rename', groupId: x, name: 'G' }),
    f({ type: 'group:delete', groupId: x }),
    f({ type: 'presentation:spotlight', groupId: x }),
    f({ type: 'idea:edit', ideaId: x, text: 'Edited', details: '' }),
    f({ type: 'idea:move', ideaId: x, boardId: 'b2' }),
    f({ type: 'idea:hide', ideaId: x, hidden: true }),
    f({ type: 'idea:delete', ideaId: x }),
    f({ type: 'idea:merge', targetId: x, sourceIds: ['i0'] }),
    f({ type: 'idea:merge', targetId: 'i0', sourceIds: [x] }),
    f({ type: 'idea:add', ideaId: 'i1', boardId: 'b2', text: 'One', groupId: x }),
    f({ type: 'focus:toggle', ideaId: x, included: true }),
    f({ type: 'plan:set', row: row(x, 'Missing idea') }),
    f({ type: 'plan:delete', rowId: x }),
    px({ type: 'participant:done', done: true }),
    f({ type: 'voting:open' }),
    p2({ type: 'vote:add', ideaId: x }),
    p2({ type: 'vote:remove', ideaId: x }),
    px({ type: 'vote:add', ideaId: 'i0' }),
    f({ type: 'voting:close' }),

    // x exists: as a participant, a group, an idea and a plan row.
    join(x, 'Xavier'),
    f({ type: 'group:create', groupId: x, name: 'Group X' }),
    f({ type: 'group:create', groupId: 'g2', name: 'Group 2' }),
    f({ type: 'group:assign', participantId: x, groupId: x }),
    f({ type: 'group:assign', participantId: 'p2', groupId: x }),
    f({ type: 'group:rename', groupId: x, name: 'Group X!' }),
    f({ type: 'idea:add', ideaId: x, boardId: x, text: 'Ex', groupId: x }),
    f({ type: 'idea:add', ideaId: x, boardId: x, text: 'Again' }),
    f({ type: 'agenda:goto', stepIndex: 1 }),
    px({ type: 'idea:add', ideaId: 'mine', boardId: x, text: 'Mine' }),
    px({ type: 'idea:edit', ideaId: 'mine', text: 'Mine, edited', details: 'd' }),
    p2({ type: 'idea:edit', ideaId: x, text: 'Not yours', details: '' }),
    px({ type: 'participant:rename', participantId: x, name: 'Xena' }),
    p2({ type: 'participant:rename', participantId: x, name: 'Not you' }),
    px({ type: 'participant:done', done: true }),
    f({ type: 'idea:edit', ideaId: x, text: 'Ex, edited', details: 'more' }),
    f({ type: 'idea:move', ideaId: x, boardId: 'b2' }),
    f({ type: 'idea:move', ideaId: x, boardId: x }),
    f({ type: 'idea:hide', ideaId: x, hidden: true }),
    f({ type: 'idea:hide', ideaId: x, hidden: false }),
    f({ type: 'presentation:spotlight', groupId: x }),
    f({ type: 'voting:configure', settings: { budget: 5, capPerIdea: 3, anonymous: false } }),
    f({ type: 'voting:open' }),
    px({ type: 'vote:add', ideaId: x }),
    px({ type: 'vote:add', ideaId: x }),
    px({ type: 'vote:add', ideaId: x }),
    px({ type: 'vote:add', ideaId: x }),
    px({ type: 'vote:add', ideaId: 'mine' }),
    px({ type: 'vote:add', ideaId: 'i0' }),
    px({ type: 'vote:add', ideaId: 'i0' }),
    px({ type: 'vote:remove', ideaId: x }),
    p2({ type: 'vote:add', ideaId: x }),
    p2({ type: 'vote:add', ideaId: 'mine' }),
    p2({ type: 'vote:remove', ideaId: 'i0' }),
    f({ type: 'voting:configure', settings: { capPerIdea: 1 } }),
    f({ type: 'voting:configure', settings: { budget: 2, capPerIdea: null } }),
    f({ type: 'idea:merge', targetId: x, sourceIds: ['mine'] }),
    f({ type: 'voting:close' }),
    f({ type: 'focus:suggest', mode: 'top', value: 1 }),
    f({ type: 'focus:toggle', ideaId: x, included: false }),
    f({ type: 'focus:toggle', ideaId: x, included: true }),
    f({ type: 'plan:set', row: row(x, 'Theme') }),
    f({ type: 'plan:set', row: row(x, 'Theme, again') }),
    f({
      type: 'group:split',
      groups: [
        { id: x, name: 'X' },
        { id: 'g2', name: 'Two' },
      ],
      seed: 7,
    }),
    f({ type: 'idea:merge', targetId: x, sourceIds: ['mine'] }),
    f({ type: 'idea:merge', targetId: 'i0', sourceIds: [x] }),
    f({ type: 'idea:add', ideaId: x, boardId: 'b2', text: 'Back again' }),
    f({ type: 'voting:open' }),
    px({ type: 'vote:add', ideaId: x }),
    f({ type: 'voting:close' }),
    f({ type: 'idea:delete', ideaId: x }),
    f({ type: 'voting:open' }),
    px({ type: 'vote:add', ideaId: 'i0' }),
    f({ type: 'participant:remove', participantId: x }),
    px({ type: 'vote:add', ideaId: 'i0' }),
    f({ type: 'group:assign', participantId: x, groupId: 'g2' }),
    f({ type: 'participant:remove', participantId: x }),
    f({ type: 'group:delete', groupId: x }),
    f({ type: 'plan:delete', rowId: x }),
    f({ type: 'voting:reset' }),
    join(x, 'Xavier again'),
  ];
}

/** A comparable form: `x` renamed to ORDINARY wherever it is a key or a value, keys sorted, prototypes ignored. */
function canon(value: unknown, x: string): unknown {
  if (typeof value === 'string') return value === x ? ORDINARY : value;
  if (Array.isArray(value)) return value.map((v) => canon(v, x));
  if (value !== null && typeof value === 'object') {
    const rec = value as Record<string, unknown>;
    return Object.keys(rec)
      .map((k): [string, unknown] => [k === x ? ORDINARY : k, canon(rec[k], x)])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
  return value;
}

/** The state as anyone reads it: ballots by person (shards depend on the id's hash), tallies, ranking, focus. */
function readable(s: Workshop) {
  const tally = tallyOf(s);
  const ideas = Object.values(s.ideas);
  return {
    ...s,
    votes: ballotsAsRecord(s.votes),
    participants: recordFrom(allParticipants(s).map((p) => [p.id, p] as const)),
    derived: {
      tally,
      ranking: rankIdeas(ideas, tally),
      focus: computeFocus(
        s.boards.map((b) => b.id),
        ideas,
        tally,
        s.focus,
      ),
    },
  };
}

interface Run {
  outcomes: Outcome[];
  states: unknown[];
  raw: Workshop[];
  events: WorkshopEvent[];
  final: Workshop | null;
}

function runScenario(x: string): Run {
  const out: Run = { outcomes: [], states: [], raw: [], events: [], final: null };
  let state: Workshop | null = null;
  scenario(x).forEach(([command, actor], i) => {
    try {
      // Distinct times, so join order (not the id's spelling) orders people.
      const result = decide(state, command, actor, 1_000 * (i + 1));
      if (!result.ok) {
        out.outcomes.push({ error: result.error.code });
      } else {
        for (const e of result.value) state = evolve(state, e);
        out.events.push(...result.value);
        out.outcomes.push({ events: canon(result.value, x) });
      }
      out.states.push(state && canon(readable(state), x));
      if (state) out.raw.push(state);
    } catch (err) {
      out.outcomes.push({ threw: `${command.type}: ${err instanceof Error ? err.message : String(err)}` });
    }
  });
  out.final = state;
  return out;
}

function prototypeSnapshot(): string[] {
  return Object.getOwnPropertyNames(Object.prototype).map((k) => `${k}:${typeof Object.getOwnPropertyDescriptor(Object.prototype, k)?.value}`);
}

describe('reserved names are ordinary ids in core', () => {
  const ordinary = runScenario(ORDINARY);

  it('the ordinary run exercises both acceptance and refusal', () => {
    const codes = new Set(ordinary.outcomes.map((o) => ('error' in o ? o.error : 'threw' in o ? 'threw' : 'ok')));
    expect(codes).toEqual(
      new Set([
        'ok',
        'not_found',
        'forbidden',
        'already_exists',
        'cap_reached',
        'budget_exhausted',
        'no_dot_to_remove',
        'cap_below_stacked',
        'budget_below_spent',
        'voting_open',
      ]),
    );
  });

  it('the list covers every name a plain object answers to', () => {
    expect([...RESERVED].sort()).toEqual([...Object.getOwnPropertyNames(Object.prototype), 'prototype'].sort());
    expect(new Set(RESERVED)).toEqual(RESERVED_IDS);
  });

  describe.each(RESERVED)('%s', (x) => {
    it('every command has the outcome it has with an ordinary id', () => {
      const before = prototypeSnapshot();
      const run = runScenario(x);
      expect(run.outcomes).toEqual(ordinary.outcomes);
      expect(run.states).toEqual(ordinary.states);
      expect(prototypeSnapshot()).toEqual(before);
      expect(({} as Record<string, unknown>).dots).toBeUndefined();
    });

    it('replaying the log, also as parsed back from JSON, rebuilds the same state', () => {
      const run = runScenario(x);
      if (!run.final || !ordinary.final) throw new Error('no workshop');
      const expected = canon(readable(ordinary.final), ORDINARY);
      const stored = JSON.parse(JSON.stringify(run.events)) as WorkshopEvent[];
      for (const events of [run.events, stored]) {
        const again = replay(events);
        if (!again) throw new Error('nothing replayed');
        expect(canon(readable(again), x)).toEqual(expected);
      }
    });

    it('state records have no prototype, so a plain lookup anywhere finds only what is there', () => {
      const run = runScenario(x);
      const s = run.final;
      if (!s) throw new Error('no workshop');
      let ballots = 0;
      for (const state of run.raw) {
        // Ballots' and participants' upper records are keyed by shard numbers only; their shards (and ballots) by ids.
        const shards = [...shardsOf(state.votes)];
        const people = [...shardsOf(state.participants)];
        const records: object[] = [state.ideas, state.tallies, ...people, ...shards, ...shards.flatMap((shard) => Object.values(shard))];
        for (const rec of records) expect(Object.getPrototypeOf(rec)).toBeNull();
        ballots += shards.length;
      }
      expect(ballots).toBeGreaterThan(0);
      // The removed participant is still on record; nothing else answers to x.
      expect(participantOf(s, x)?.removed).toBe(true);
      expect(s.ideas[x]).toBeUndefined();
      expect(s.tallies[x]).toBeUndefined();
    });
  });
});

describe('a log the old core wrote for reserved ids', () => {
  it('replays without ghosts: no participant, idea, ballot or dot that never was', () => {
    const created = runScenario(ORDINARY).events[0] as WorkshopEvent;
    // As the old core stored them: decided against Object.prototype, so ids are reserved names or missing.
    const legacy = JSON.parse(
      JSON.stringify([
        created,
        { type: 'participant.joined', participantId: 'p1', name: 'Pia', organisation: '', tokenHash: 'h', at: 1 },
        { type: 'group.assigned', participantId: '__proto__', groupId: null },
        { type: 'participant.renamed', participantId: 'toString', name: 'Ghost' },
        { type: 'participant.removed', participantId: 'constructor' },
        { type: 'idea.added', ideaId: 'undefined', boardId: 'b2', text: 'Kept', details: '', groupId: null, authorId: null },
        { type: 'idea.edited', text: 'Edit without an id', details: '' },
        { type: 'idea.moved', ideaId: 'hasOwnProperty', boardId: 'b2' },
        { type: 'voting.opened' },
        { type: 'vote.added', participantId: 'p1', ideaId: 'toLocaleString' },
        { type: 'vote.added', participantId: '__proto__', ideaId: 'undefined' },
        { type: 'vote.removed', participantId: 'p1', ideaId: 'undefined' },
      ]),
    ) as WorkshopEvent[];
    const s = replay(legacy);
    if (!s) throw new Error('nothing replayed');
    expect(allParticipants(s).map((p) => p.id)).toEqual(['p1']);
    expect(participantOf(s, 'p1')).toMatchObject({ name: 'Pia', groupId: null, removed: false });
    expect(Object.values(s.ideas).map((i) => [i.id, i.text])).toEqual([['undefined', 'Kept']]);
    expect(Object.keys(ballotsAsRecord(s.votes))).toEqual([]);
    expect(Object.keys(s.tallies)).toEqual([]);
  });
});
