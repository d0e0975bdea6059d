import { useState } from 'react';
import type { MeetingKind, PlanRow } from '@fokus/core';
import { checkPlanRow, daysInMonth, isPlanMonth } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import { monthChoices, monthLabel, useMonthNames } from '../../lib/plan-months.ts';
import { ConfirmButton } from './confirm-button.tsx';
import { Field, LineCell, NumberCell, TextCell, TimeCell } from './plan-fields.tsx';

const KINDS: MeetingKind[] = ['physical', 'monthly', 'all', 'study', 'other'];

export interface FocusIdea {
  id: string;
  text: string;
  /** The idea's theme number, fixed when it was created. */
  seq: number;
}

interface Props {
  row: PlanRow;
  planYear: number;
  focusIdeas: readonly FocusIdea[];
  /** The id of the datalist of participants' names. */
  people: string;
  save: (row: PlanRow) => void;
  remove: () => void;
}

/**
 * One meeting of the year plan as a card of three lines: when (month, day, times, kind), what (the focus theme it
 * serves, or a theme of its own), who (host, backup) and what to remember. A change the server would refuse (an
 * end before the start) is said here and not sent.
 */
export function PlanRowEdit({ row, planYear, focusIdeas, people, save, remove }: Props) {
  const { t } = useI18n();
  const names = useMonthNames();
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<PlanRow>) => {
    const next = { ...row, ...patch };
    if (JSON.stringify(next) === JSON.stringify(row)) return;
    if (!isPlanMonth(next.month)) return setProblem(t('planMonthNeeded'));
    const refusal = checkPlanRow(next);
    if (refusal) return setProblem(refusal.message.startsWith('end') ? t('planEndAfterStart') : t('error_invalid'));
    setProblem(null);
    save(next);
  };
  const id = (field: string) => `plan-${row.id}-${field}`;
  const dated = isPlanMonth(row.month);
  const idea = row.ideaId === null ? undefined : focusIdeas.find((f) => f.id === row.ideaId);
  return (
    // The field refused shows its saved value again; the note stays until the next field is taken up.
    <li className="plan-row" id={`plan-row-${row.id}`} onFocus={() => setProblem(null)}>
      <div className="plan-row__line plan-row__line--when">
        <Field id={id('month')} label={t('planMonth')} className="plan-field--month">
          <select
            id={id('month')}
            className="input input--small"
            value={dated ? row.month : ''}
            aria-invalid={!dated}
            onChange={(e) => {
              const month = e.target.value;
              // A day the new month does not have (31 in April) is dropped, and its times with it.
              const keepDay = row.day !== null && isPlanMonth(month) && row.day <= daysInMonth(month);
              set(keepDay ? { month } : { month, day: null, start: null, end: null });
            }}
          >
            {!dated && <option value="">{t('planNoMonth')}</option>}
            {monthChoices(planYear, row.month).map((m) => (
              <option key={m} value={m}>
                {monthLabel(m, planYear, names, true)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('day')} label={t('planDay')} className="plan-field--day">
          <select
            id={id('day')}
            className="input input--small"
            value={row.day === null ? '' : String(row.day)}
            disabled={!dated}
            onChange={(e) => set(e.target.value === '' ? { day: null, start: null, end: null } : { day: Number(e.target.value) })}
          >
            <option value="">{t('planNoDay')}</option>
            {Array.from({ length: dated ? daysInMonth(row.month) : 31 }, (_, i) => i + 1).map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('start')} label={t('planStart')} className="plan-field--time">
          <TimeCell
            id={id('start')}
            value={row.start}
            disabled={row.day === null}
            onCommit={(start) => set(start === null ? { start, end: null } : { start })}
          />
        </Field>
        <Field id={id('end')} label={t('planEnd')} className="plan-field--time">
          <TimeCell id={id('end')} value={row.end} disabled={row.start === null} onCommit={(end) => set({ end })} />
        </Field>
        <Field id={id('kind')} label={t('planKind')} className="plan-field--kind">
          <select
            id={id('kind')}
            className="input input--small"
            value={row.kind}
            onChange={(e) => set({ kind: KINDS.find((k) => k === e.target.value) ?? 'other' })}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`meeting_${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <ConfirmButton label="×" ariaLabel={t('planDeleteRow')} question={t('planConfirmDelete')} className="plan-row__delete" onConfirm={remove} />
      </div>
      <div className="plan-row__line plan-row__line--what">
        <Field id={id('idea')} label={t('planPickIdea')} className="plan-field--idea">
          <select
            id={id('idea')}
            className="input input--small"
            value={row.ideaId ?? ''}
            onChange={(e) => {
              const picked = focusIdeas.find((f) => f.id === e.target.value);
              // A focus theme brings its own fixed number (the plan's field holds up to 99) and, when none was typed, its text.
              if (picked) set({ ideaId: picked.id, themeNo: picked.seq <= 99 ? picked.seq : null, theme: row.theme || picked.text });
              else set({ ideaId: null });
            }}
          >
            <option value="">{t('planFreeText')}</option>
            {/* A row may serve an idea that has since left the focus list: it stays choosable, by its number. */}
            {row.ideaId !== null && !idea && <option value={row.ideaId}>#{row.themeNo ?? '?'}</option>}
            {focusIdeas.map((f) => (
              <option key={f.id} value={f.id}>
                #{f.seq} {f.text}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('no')} label={t('planThemeNo')} className="plan-field--no">
          {row.ideaId !== null ? (
            <output id={id('no')} className="plan-field__fixed" title={t('planThemeFixed')}>
              #{idea?.seq ?? row.themeNo ?? '?'}
            </output>
          ) : (
            <NumberCell id={id('no')} value={row.themeNo} onCommit={(themeNo) => set({ themeNo })} />
          )}
        </Field>
        <Field id={id('theme')} label={t('planTheme')} className="plan-field--theme">
          <TextCell id={id('theme')} value={row.theme} placeholder={idea?.text} onCommit={(theme) => set({ theme })} />
        </Field>
      </div>
      <div className="plan-row__line plan-row__line--who">
        <Field id={id('host')} label={t('planHost')} className="plan-field--host">
          <LineCell id={id('host')} value={row.host} list={people} onCommit={(host) => set({ host })} />
        </Field>
        <Field id={id('backup')} label={t('planBackup')} className="plan-field--backup">
          <LineCell id={id('backup')} value={row.backup} list={people} onCommit={(backup) => set({ backup })} />
        </Field>
        <Field id={id('comment')} label={t('planComment')} className="plan-field--comment">
          <TextCell id={id('comment')} value={row.comment} onCommit={(comment) => set({ comment })} />
        </Field>
      </div>
      {(problem || !dated) && (
        <p className="plan-row__problem" role="alert">
          {problem ?? t('planMonthNeeded')}
        </p>
      )}
    </li>
  );
}
