/** export.ics: one event per plan row that has a month and a day; `?row=ID` gives that one meeting alone. */
import type { DocPlanRow, Documentation } from '@fokus/report';
import { wordsFor } from '@fokus/report';
import type { Renderer } from '../registry.ts';
import type { IcsEvent } from './ics-writer.ts';
import { icsCalendar, icsStamp } from './ics-writer.ts';

/** Rows a calendar can hold: a real month and a day. */
export function datedRows(doc: Documentation): DocPlanRow[] {
  return doc.plan.filter((r) => /^\d{4}-\d{2}$/.test(r.month) && r.day !== null);
}

function event(doc: Documentation, r: DocPlanRow & { day: number }): IcsEvent {
  const w = wordsFor(doc.lang);
  const theme = r.themeNo === null ? r.theme : `${w.col.theme} ${r.themeNo}${r.theme ? `: ${r.theme}` : ''}`;
  const description = [
    r.host ? `${w.col.host}: ${r.host}` : '',
    r.backup ? `${w.col.backup}: ${r.backup}` : '',
    r.comment ? `${w.col.comment}: ${r.comment}` : '',
    doc.title,
  ].filter((line) => line !== '');
  return {
    // Stable across exports, so importing the file again updates the meeting instead of doubling it.
    uid: `${r.id}.${doc.workshopId}@fokus`,
    summary: theme ? `${r.kindLabel} – ${theme}` : r.kindLabel,
    description: description.join('\n'),
    year: Number(r.month.slice(0, 4)),
    month: Number(r.month.slice(5, 7)),
    day: r.day,
    start: r.start,
    end: r.end,
  };
}

export const icsRenderer: Renderer = {
  format: 'ics',
  mime: 'text/calendar; charset=utf-8',
  extension: 'ics',
  render(doc, options) {
    const rows = datedRows(doc).filter((r) => options.row === null || r.id === options.row);
    const events = rows.flatMap((r) => (r.day === null ? [] : [event(doc, { ...r, day: r.day })]));
    return icsCalendar(events, { stamp: icsStamp(doc.generatedAt), name: doc.planTitle, lang: doc.lang });
  },
};
