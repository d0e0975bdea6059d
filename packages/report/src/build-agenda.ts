/** The agenda with its minutes and phases; clock times when the start of the meeting is known. */
import type { AgendaStep } from '@fokus/core';
import { addMinutes } from './dates.ts';
import type { DocStep } from './model.ts';
import { clean, oneLine } from './text.ts';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export function buildAgenda(agenda: readonly AgendaStep[], startTime: string | undefined): DocStep[] {
  let at = startTime !== undefined && CLOCK.test(startTime) ? startTime : null;
  return agenda.map((step) => {
    const start = at;
    const phases = (step.phases ?? []).map((p) => {
      const from = at;
      if (at !== null) at = addMinutes(at, p.minutes);
      return { title: oneLine(p.title), minutes: p.minutes, start: from, end: from === null ? null : at };
    });
    // A step with phases lasts as long as they do; the clock follows what the room actually counts down.
    const minutes = phases.length > 0 ? phases.reduce((n, p) => n + p.minutes, 0) : step.minutes;
    const end = start === null ? null : addMinutes(start, minutes);
    at = end;
    return { id: step.id, kind: step.kind, title: oneLine(step.title), prompt: clean(step.prompt).trim(), minutes, start, end, phases };
  });
}
