import { useState } from 'react';
import type { PlanRow } from '@fokus/core';
import { byDate } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import { calendarGrid, monthLabel, useMonthNames, whenLabel } from '../../lib/plan-months.ts';
import { useSession } from '../../store/context.tsx';
import { downloadWithKey, exportPath } from './download.ts';
import { facilitatorKeyOf } from './facilitator-key.ts';

interface Shown {
  /** The row's theme number and text as the room reads them (an idea's own number, its text when none was typed). */
  themeNo: (r: PlanRow) => string;
  theme: (r: PlanRow) => string;
}

/** The seed's year calendar: January to the next January, each month with its meetings; + adds one in that month. */
export function PlanCalendar({
  rows,
  planYear,
  shown,
  add,
  open,
}: {
  rows: readonly PlanRow[];
  planYear: number;
  shown: Shown;
  add: (month: string) => void;
  open: (rowId: string) => void;
}) {
  const { t } = useI18n();
  const names = useMonthNames();
  return (
    <section className="plan-cal" aria-labelledby="plan-cal-h">
      <h3 id="plan-cal-h" className="plan-sub">
        {t('planCalendar')} {planYear}
      </h3>
      <ol className="plan-cal__grid">
        {calendarGrid(planYear, rows).map(({ month, rows: meetings }) => {
          const label = monthLabel(month, planYear, names, true);
          return (
            <li key={month} className="plan-cal__month" data-month={month}>
              <div className="plan-cal__head">
                <span className="plan-cal__name">{label}</span>
                <button
                  type="button"
                  className="plan-cal__add"
                  aria-label={t('planAddInMonth', { month: label })}
                  title={t('planAddInMonth', { month: label })}
                  onClick={() => add(month)}
                >
                  +
                </button>
              </div>
              <ul className="plan-cal__meetings">
                {meetings.map((r) => (
                  <li key={r.id}>
                    <button type="button" className={`plan-cal__meeting plan-cal__meeting--${r.kind}`} onClick={() => open(r.id)}>
                      <span className="plan-cal__kind">
                        {r.day !== null && `${r.day} · `}
                        {t(`meeting_${r.kind}`)}
                      </span>
                      <span className="plan-cal__theme">
                        {shown.themeNo(r) && <b>{shown.themeNo(r)} </b>}
                        {shown.theme(r)}
                      </span>
                      {r.host && (
                        <span className="plan-cal__host">
                          {r.host}
                          {r.backup && ` (${r.backup})`}
                        </span>
                      )}
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** "Årets teman & träffar": Tema # · Tema · Värd · Månad · Kommentar, in date order; each meeting to a calendar. */
export function PlanSummary({ rows, planYear, code, shown }: { rows: readonly PlanRow[]; planYear: number; code: string; shown: Shown }) {
  const { t } = useI18n();
  const names = useMonthNames();
  return (
    <section className="plan-sum" aria-labelledby="plan-sum-h">
      <h3 id="plan-sum-h" className="plan-sub">
        {t('planHeading')}
      </h3>
      <table className="plan-sum__table">
        <thead>
          <tr>
            <th scope="col">{t('planThemeNo')}</th>
            <th scope="col">{t('planTheme')}</th>
            <th scope="col">{t('planHost')}</th>
            <th scope="col">{t('planMonth')}</th>
            <th scope="col">{t('planComment')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('planToCalendar')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {[...rows].sort(byDate).map((r) => (
            <tr key={r.id} data-row={r.id}>
              <td className="plan-sum__no">{shown.themeNo(r)}</td>
              <td>
                {shown.theme(r)}
                <span className="plan-sum__kind">{t(`meeting_${r.kind}`)}</span>
              </td>
              <td>
                {r.host}
                {r.backup && <span className="muted"> ({r.backup})</span>}
              </td>
              <td className="plan-sum__when">{whenLabel(r, planYear, names, true)}</td>
              <td className="plan-sum__comment">{r.comment}</td>
              <td>
                <CalendarButton code={code} row={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One meeting's .ics; a calendar needs a day, so a row without one says so instead. */
function CalendarButton({ code, row }: { code: string; row: PlanRow }) {
  const { t } = useI18n();
  const { store } = useSession();
  const [busy, setBusy] = useState(false);
  const key = facilitatorKeyOf(code);
  const ready = row.day !== null && key !== null;
  return (
    <button
      type="button"
      className="btn btn--small plan-sum__ics"
      disabled={!ready || busy}
      aria-busy={busy}
      title={row.day === null ? t('planNeedsDay') : undefined}
      onClick={() => {
        if (!key) return;
        setBusy(true);
        downloadWithKey(exportPath(code, 'ics', `row=${encodeURIComponent(row.id)}`), key, `fokus-${code}-${row.id}.ics`)
          .catch(() => store.getState().notify(t('exportFailed')))
          .finally(() => setBusy(false));
      }}
    >
      {t('planToCalendar')}
    </button>
  );
}
