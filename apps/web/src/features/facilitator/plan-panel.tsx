import { useMemo, useState } from 'react';
import { computeFocus } from '@fokus/core';
import type { MeetingKind, PlanRow } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import { newId } from '../../realtime/ids.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectPending, selectTally, selectView } from '../../store/selectors.ts';

const KINDS: MeetingKind[] = ['physical', 'monthly', 'all', 'study', 'other'];

/** The year plan rows ("Årets teman & träffar"), saved field by field. */
export function PlanPanel() {
  const { t } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  const tally = useFokus(selectTally);
  const pending = useFokus(selectPending);
  const focusIdeas = useMemo(() => {
    if (!view) return [];
    const text = new Map(view.ideas.map((i) => [i.id, i.text]));
    return computeFocus(view.boards.map((b) => b.id), view.ideas, tally?.tallies ?? {}, view.focus)
      .flatMap((fb) => fb.items.filter((i) => i.included))
      .map((i) => ({ id: i.ideaId, text: text.get(i.ideaId) ?? '' }));
  }, [view, tally]);
  if (!view) return null;
  const months = t('months').split(',');
  // A field saved a moment ago may not be back from the server yet: edit on top of it, never over it.
  const latest = (row: PlanRow): PlanRow => {
    let r = row;
    for (const p of pending) if (p.command.type === 'plan:set' && p.command.row.id === row.id) r = p.command.row;
    return r;
  };
  const add = () =>
    send({
      type: 'plan:set',
      row: { id: newId(), month: months[view.plan.length % 12] ?? '–', kind: 'monthly', themeNo: view.plan.length + 1, theme: '', ideaId: null, host: '', backup: '', comment: '' },
    });
  return (
    <section className="panel" aria-labelledby="plan-h">
      <div className="panel__head">
        <h2 id="plan-h" className="panel-title">
          {t('planHeading')}
        </h2>
        <button type="button" className="btn btn--small btn--primary" onClick={add}>
          + {t('planAddRow')}
        </button>
      </div>
      {view.plan.length > 0 && (
        <div className="plan-edit">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('planMonth')}</th>
                <th scope="col">{t('planKind')}</th>
                <th scope="col">{t('planThemeNo')}</th>
                <th scope="col">{t('planTheme')}</th>
                <th scope="col">{t('planHost')}</th>
                <th scope="col">{t('planBackup')}</th>
                <th scope="col">{t('planComment')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('planDeleteRow')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.plan.map((row) => (
                <PlanRowEdit key={row.id} row={latest(row)} focusIdeas={focusIdeas} save={(r) => send({ type: 'plan:set', row: r })} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PlanRowEdit({ row, focusIdeas, save }: { row: PlanRow; focusIdeas: { id: string; text: string }[]; save: (r: PlanRow) => void }) {
  const { t } = useI18n();
  const { send } = useSession();
  const set = (patch: Partial<PlanRow>) => {
    const next = { ...row, ...patch };
    if (JSON.stringify(next) !== JSON.stringify(row)) save(next);
  };
  const text = (field: 'month' | 'host' | 'backup' | 'comment' | 'theme', label: string, required = false) => (
    <TextCell value={row[field]} label={label} onCommit={(v) => (required && !v ? undefined : set({ [field]: v }))} />
  );
  return (
    <tr>
      <td>{text('month', t('planMonth'), true)}</td>
      <td>
        <select className="input input--small" aria-label={t('planKind')} value={row.kind} onChange={(e) => set({ kind: KINDS.find((k) => k === e.target.value) ?? 'other' })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`meeting_${k}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <TextCell
          value={row.themeNo === null ? '' : String(row.themeNo)}
          label={t('planThemeNo')}
          narrow
          onCommit={(v) => {
            const n = v === '' ? null : Number(v);
            if (n === null || (Number.isInteger(n) && n >= 0 && n <= 99)) set({ themeNo: n });
          }}
        />
      </td>
      <td>
        <select
          className="input input--small"
          aria-label={t('planPickIdea')}
          value={row.ideaId ?? ''}
          onChange={(e) => {
            const idea = focusIdeas.find((f) => f.id === e.target.value);
            set(idea ? { ideaId: idea.id, theme: idea.text } : { ideaId: null });
          }}
        >
          <option value="">{t('planFreeText')}</option>
          {focusIdeas.map((f) => (
            <option key={f.id} value={f.id}>
              {f.text}
            </option>
          ))}
        </select>
        {row.ideaId === null && text('theme', t('planTheme'))}
      </td>
      <td>{text('host', t('planHost'))}</td>
      <td>{text('backup', t('planBackup'))}</td>
      <td>{text('comment', t('planComment'))}</td>
      <td>
        <button type="button" className="btn btn--small btn--danger" aria-label={t('planDeleteRow')} onClick={() => send({ type: 'plan:delete', rowId: row.id })}>
          ×
        </button>
      </td>
    </tr>
  );
}

function TextCell({ value, label, onCommit, narrow }: { value: string; label: string; onCommit: (v: string) => void; narrow?: boolean }) {
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  return (
    <input
      className={`input input--small${narrow ? ' input--num' : ''}`}
      aria-label={label}
      value={focused ? draft : value}
      maxLength={200}
      onFocus={() => {
        setDraft(value);
        setFocused(true);
      }}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        setFocused(false);
        if (draft.trim() !== value) onCommit(draft.trim());
      }}
      onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
    />
  );
}
