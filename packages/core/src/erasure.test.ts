import { describe, expect, it } from 'vitest';
import { decide } from './decide.ts';
import { ERASED_NAME, erasedHistory } from './erasure.ts';
import type { WorkshopEvent } from './events.ts';
import { replay } from './evolve.ts';
import type { Step } from './test-helpers.ts';
import { addIdea, apply, createWorkshop, fac, join, P, personIn, STEP, vote } from './test-helpers.ts';

/** Folds steps and keeps the log, as the server's store does. */
function logOf(steps: readonly Step[]): WorkshopEvent[] {
  const log: WorkshopEvent[] = [];
  let state = null;
  for (const step of steps) {
    const r = apply(state, step);
    state = r.state;
    log.push(...r.events);
  }
  return log;
}

const joinFrom = (id: string, name: string, organisation: string): Step => [
  { type: 'participant:join', participantId: id, name, organisation, tokenHash: `hash-${id}` },
  { role: 'system' },
];
const remove = (participantId: string, erase?: boolean): Step => fac({ type: 'participant:remove', participantId, ...(erase === undefined ? {} : { erase }) });

const meeting: Step[] = [
  createWorkshop(),
  joinFrom('p1', 'Kanariefågel Ylva', 'Kanariebolaget'),
  join('p2', 'Bo'),
  [{ type: 'participant:rename', participantId: 'p1', name: 'Ylva K' }, P('p1')],
  fac({ type: 'agenda:goto', stepIndex: STEP.brainstorm }),
  addIdea('i1', 'omvarld', P('p1'), 'Studieresa'),
  addIdea('i2', 'omvarld', P('p2'), 'Föreläsning'),
  fac({ type: 'agenda:goto', stepIndex: STEP.vote }),
  fac({ type: 'voting:open' }),
  vote('p1', 'i2'),
  vote('p2', 'i1'),
];

describe('erasing a participant', () => {
  it('names them with a placeholder in the workshop language, empties their organisation, and unattributes their ideas', () => {
    const log = logOf([...meeting, remove('p1', true)]);
    const s = replay(log);
    expect(personIn(s, 'p1')).toMatchObject({ name: ERASED_NAME.sv, organisation: '', removed: true });
    expect(s?.ideas.i1).toMatchObject({ text: 'Studieresa', authorId: null });
    expect(s?.ideas.i2?.authorId).toBe('p2');
    expect(personIn(s, 'p2')?.name).toBe('Bo');
  });

  it('rewrites every stored event that names them, and replaying the rewritten log gives the same workshop', () => {
    const log = logOf([...meeting, remove('p1', true)]);
    const rewrites = erasedHistory(log);
    expect(rewrites.map((r) => log[r.index]?.type)).toEqual(['participant.joined', 'participant.renamed', 'idea.added']);
    const rewritten = log.map((e, i) => rewrites.find((r) => r.index === i)?.event ?? e);
    const text = JSON.stringify(rewritten);
    for (const trace of ['Kanariefågel', 'Kanariebolaget', 'Ylva']) expect(text).not.toContain(trace);
    expect(replay(rewritten)).toEqual(replay(log));
    // Nothing left to do the second time: after a crash, asking again is cheap and harmless.
    expect(erasedHistory(rewritten)).toEqual([]);
  });

  it('erases the town they gave when joining and every later correction of it', () => {
    const withTown: Step[] = [
      createWorkshop('fragerunda'),
      [{ type: 'participant:join', participantId: 'p1', name: 'Ylva', organisation: '', town: 'Kanarieholm', tokenHash: 'h1' }, { role: 'system' }],
      [{ type: 'participant:join', participantId: 'p2', name: 'Bo', organisation: '', town: 'Umeå', tokenHash: 'h2' }, { role: 'system' }],
      [{ type: 'participant:town', participantId: 'p1', town: 'Kanarieby' }, P('p1')],
      fac({ type: 'participant:town', participantId: 'p1', town: 'Kanarieby kommun' }),
    ];
    const log = logOf([...withTown, remove('p1', true)]);
    const s = replay(log);
    expect(personIn(s, 'p1')).toMatchObject({ name: ERASED_NAME.sv, town: '', removed: true });
    expect(personIn(s, 'p2')?.town).toBe('Umeå');
    const rewrites = erasedHistory(log);
    expect(rewrites.map((r) => log[r.index]?.type)).toEqual(['participant.joined', 'participant.town-set', 'participant.town-set']);
    const rewritten = log.map((e, i) => rewrites.find((r) => r.index === i)?.event ?? e);
    expect(JSON.stringify(rewritten)).not.toContain('Kanarie');
    expect(JSON.stringify(rewritten)).toContain('Umeå');
    expect(replay(rewritten)).toEqual(s);
    expect(erasedHistory(rewritten)).toEqual([]);
  });

  it('can follow an earlier removal, and a plain removal erases nothing', () => {
    const plain = logOf([...meeting, remove('p1')]);
    expect(erasedHistory(plain)).toEqual([]);
    expect(personIn(replay(plain), 'p1')?.name).toBe('Ylva K');
    const later = logOf([...meeting, remove('p1'), remove('p1', true)]);
    expect(personIn(replay(later), 'p1')?.name).toBe(ERASED_NAME.sv);
    expect(erasedHistory(later)).toHaveLength(3);
  });

  it('is refused for someone who never joined, and a plain second removal stays refused', () => {
    const s = replay(logOf([...meeting, remove('p1')]));
    const r1 = decide(s, { type: 'participant:remove', participantId: 'nobody', erase: true }, { role: 'facilitator' }, 0);
    expect(r1.ok ? null : r1.error.code).toBe('not_found');
    const r2 = decide(s, { type: 'participant:remove', participantId: 'p1' }, { role: 'facilitator' }, 0);
    expect(r2.ok ? null : r2.error.code).toBe('not_found');
  });

  it('uses the English placeholder in an English workshop', () => {
    const log = logOf([createWorkshop('handlingsplan', 'en'), join('p1', 'Ann'), remove('p1', true)]);
    expect(personIn(replay(log), 'p1')?.name).toBe(ERASED_NAME.en);
  });
});
