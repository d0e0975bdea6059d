import { useMemo } from 'react';
import type { PlanRow } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import { newId } from '../../realtime/ids.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectPending, selectView } from '../../store/selectors.ts';
import { useFocusBoards } from '../../store/use-focus-boards.ts';
import { PlanCalendar, PlanSummary } from './plan-calendar.tsx';
import type { FocusIdea } from './plan-row-edit.tsx';
import { PlanRowEdit } from './plan-row-edit.tsx';
import './plan-panel.css';

const PEOPLE_LIST = 'plan-people';

/**
 * The year plan: the seed's calendar (January to the next January), the meetings as cards to edit, and the table
 * "Årets teman & träffar" as the room and the documentation show it. Every field is saved on its own.
 */
export function PlanPanel() {
  const { t } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  const pending = useFokus(selectPending);
  const focusBoards = useFocusBoards();
  const focusIdeas = useMemo((): FocusIdea[] => {
    if (!view) return [];
    const byId = new Map(view.ideas.map((i) => [i.id, i]));
    return focusBoards
      .flatMap((fb) => fb.items.filter((i) => i.included))
      .map((i) => ({ id: i.ideaId, text: byId.get(i.ideaId)?.text ?? '', seq: byId.get(i.ideaId)?.seq ?? 0 }));
  }, [view, focusBoards]);
  const people = useMemo(() => [...new Set((view?.participants ?? []).map((p) => p.name))].sort((a, b) => a.localeCompare(b, 'sv')), [view?.participants]);
  if (!view) return null;
  // A field saved a moment ago may not be back from the server yet: edit on top of it, never over it.
  const latest = (row: PlanRow): PlanRow => {
    let r = row;
    for (const p of pending) if (p.command.type === 'plan:set' && p.command.row.id === row.id) r = p.command.row;
    return r;
  };
  const rows = view.plan.map(latest);
  const ideas = new Map(view.ideas.map((i) => [i.id, i]));
  const shown = {
    themeNo: (r: PlanRow) => {
      const idea = r.ideaId ? ideas.get(r.ideaId) : undefined;
      if (idea) return `#${idea.seq}`;
      return r.themeNo === null ? '' : `#${r.themeNo}`;
    },
    theme: (r: PlanRow) => r.theme || (r.ideaId ? (ideas.get(r.ideaId)?.text ?? '') : ''),
  };
  const add = (month: string) => {
    const id = newId();
    send({
      type: 'plan:set',
      row: { id, month, day: null, start: null, end: null, kind: 'monthly', themeNo: null, theme: '', ideaId: null, host: '', backup: '', comment: '' },
    });
    // The new card is the last one; take the facilitator to it once it is drawn.
    requestAnimationFrame(() => focusRow(id));
  };
  // The next month without a meeting, in the plan year: where a new row most likely goes.
  const nextFree = (): string => {
    for (let m = 1; m <= 12; m++) {
      const month = `${view.planYear}-${String(m).padStart(2, '0')}`;
      if (!rows.some((r) => r.month === month)) return month;
    }
    return `${view.planYear + 1}-01`;
  };
  return (
    <section className="panel plan-panel" aria-labelledby="plan-h">
      <div className="panel__head">
        <h2 id="plan-h" className="panel-title">
          {t('planHeading')} {view.planYear}
        </h2>
        <button type="button" className="btn btn--small btn--primary" onClick={() => add(nextFree())}>
          + {t('planAddRow')}
        </button>
      </div>
      <PlanCalendar rows={rows} planYear={view.planYear} shown={shown} add={add} open={focusRow} />
      {rows.length > 0 && (
        <ol className="plan-edit">
          {rows.map((row) => (
            <PlanRowEdit
              key={row.id}
              row={row}
              planYear={view.planYear}
              focusIdeas={focusIdeas}
              people={PEOPLE_LIST}
              save={(r) => send({ type: 'plan:set', row: r })}
              remove={() => send({ type: 'plan:delete', rowId: row.id })}
            />
          ))}
        </ol>
      )}
      <datalist id={PEOPLE_LIST}>
        {people.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {rows.length > 0 && <PlanSummary rows={rows} planYear={view.planYear} code={view.code} shown={shown} />}
    </section>
  );
}

/** Brings a meeting's card into view with its first field focused, from the calendar or after adding it. */
function focusRow(rowId: string, tries = 10): void {
  const card = document.getElementById(`plan-row-${rowId}`);
  if (!card) {
    // Added a moment ago: the server's answer draws it shortly.
    if (tries > 0) setTimeout(() => focusRow(rowId, tries - 1), 100);
    return;
  }
  card.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  card.querySelector<HTMLElement>('select, input, textarea')?.focus({ preventScroll: true });
}
