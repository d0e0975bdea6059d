import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { MeetingKind, PlanRow } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import { newId } from '../../realtime/ids.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectPending, selectView } from '../../store/selectors.ts';
import { useFocusBoards } from '../../store/use-focus-boards.ts';
import { GrowTextarea } from './grow-textarea.tsx';

const KINDS: MeetingKind[] = ['physical', 'monthly', 'all', 'study', 'other'];

interface FocusIdea {
  id: string;
  text: string;
  /** The idea's theme number, fixed when it was created. */
  seq: number;
}

/**
 * The year plan ("Årets teman & träffar"), saved field by field. A laptop has no room for eight columns of
 * real text, so each row is a card of two lines (when, which theme / who, and what to remember), every field as
 * tall as its text.
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
  if (!view) return null;
  // A field saved a moment ago may not be back from the server yet: edit on top of it, never over it.
  const latest = (row: PlanRow): PlanRow => {
    let r = row;
    for (const p of pending) if (p.command.type === 'plan:set' && p.command.row.id === row.id) r = p.command.row;
    return r;
  };
  const add = () =>
    send({
      type: 'plan:set',
      row: {
        id: newId(),
        month: `${view.planYear}-${String((view.plan.length % 12) + 1).padStart(2, '0')}`,
        day: null,
        start: null,
        end: null,
        kind: 'monthly',
        themeNo: view.plan.length + 1,
        theme: '',
        ideaId: null,
        host: '',
        backup: '',
        comment: '',
      },
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
        <ol className="plan-edit">
          {view.plan.map((row) => (
            <PlanRowEdit key={row.id} row={latest(row)} focusIdeas={focusIdeas} save={(r) => send({ type: 'plan:set', row: r })} />
          ))}
        </ol>
      )}
    </section>
  );
}

function PlanRowEdit({ row, focusIdeas, save }: { row: PlanRow; focusIdeas: FocusIdea[]; save: (r: PlanRow) => void }) {
  const { t } = useI18n();
  const { send } = useSession();
  const set = (patch: Partial<PlanRow>) => {
    const next = { ...row, ...patch };
    if (JSON.stringify(next) !== JSON.stringify(row)) save(next);
  };
  const id = (field: string) => `plan-${row.id}-${field}`;
  const text = (field: 'month' | 'host' | 'backup' | 'comment' | 'theme', label: string, required = false) => (
    <Field id={id(field)} label={label} className={`plan-field--${field}`}>
      <TextCell id={id(field)} value={row[field]} onCommit={(v) => (required && !v ? undefined : set({ [field]: v }))} />
    </Field>
  );
  return (
    <li className="plan-row">
      <div className="plan-row__line plan-row__line--when">
        {text('month', t('planMonth'), true)}
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
        <Field id={id('no')} label={t('planThemeNo')} className="plan-field--no">
          <TextCell
            id={id('no')}
            value={row.themeNo === null ? '' : String(row.themeNo)}
            narrow
            onCommit={(v) => {
              const n = v === '' ? null : Number(v);
              if (n === null || (Number.isInteger(n) && n >= 0 && n <= 99)) set({ themeNo: n });
            }}
          />
        </Field>
        <div className="plan-field plan-field--theme">
          <label className="plan-field__label" htmlFor={id('theme')}>
            {t('planTheme')}
          </label>
          <TextCell id={id('theme')} value={row.theme} onCommit={(v) => set({ theme: v })} />
          <select
            className="input input--small plan-field__pick"
            aria-label={t('planPickIdea')}
            value={row.ideaId ?? ''}
            onChange={(e) => {
              const idea = focusIdeas.find((f) => f.id === e.target.value);
              // A focus theme brings its text and its own fixed number (the plan's field holds up to 99).
              set(idea ? { ideaId: idea.id, theme: idea.text, themeNo: idea.seq <= 99 ? idea.seq : row.themeNo } : { ideaId: null });
            }}
          >
            <option value="">{t('planFreeText')}</option>
            {focusIdeas.map((f) => (
              <option key={f.id} value={f.id}>
                #{f.seq} {f.text}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="btn btn--small btn--danger plan-row__delete"
          aria-label={t('planDeleteRow')}
          onClick={() => send({ type: 'plan:delete', rowId: row.id })}
        >
          ×
        </button>
      </div>
      <div className="plan-row__line plan-row__line--who">
        {text('host', t('planHost'))}
        {text('backup', t('planBackup'))}
        {text('comment', t('planComment'))}
      </div>
    </li>
  );
}

function Field({ id, label, className, children }: { id: string; label: string; className: string; children: ReactNode }) {
  return (
    <div className={`plan-field ${className}`}>
      <label className="plan-field__label" htmlFor={id}>
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * One plan field: grows with its text so nothing is cut, saved when left (Enter leaves, Shift+Enter breaks the
 * line, Escape leaves without saving).
 */
function TextCell({ id, value, onCommit, narrow }: { id: string; value: string; onCommit: (v: string) => void; narrow?: boolean }) {
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  const cancelled = useRef(false);
  const props = {
    id,
    value: focused ? draft : value,
    maxLength: 200,
    onFocus: () => {
      cancelled.current = false;
      setDraft(value);
      setFocused(true);
    },
    onBlur: () => {
      setFocused(false);
      if (!cancelled.current && draft.trim() !== value) onCommit(draft.trim());
    },
    onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === 'Escape') {
        cancelled.current = true;
        e.currentTarget.blur();
      } else if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        e.currentTarget.blur();
      }
    },
  };
  if (narrow) return <input className="input input--small input--num" inputMode="numeric" {...props} onChange={(e) => setDraft(e.target.value)} />;
  return <GrowTextarea className="input input--small" {...props} onChange={(e) => setDraft(e.target.value)} />;
}
