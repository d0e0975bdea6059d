import { useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { GrowTextarea } from './grow-textarea.tsx';

/** A labelled plan field: the label above, so a card of them reads like a form on paper. */
export function Field({ id, label, className, children }: { id: string; label: string; className: string; children: ReactNode }) {
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
 * A field saved when left, never while typing: Enter leaves (Shift+Enter breaks the line in text), Escape leaves
 * without saving. While it has focus it shows the draft, so a change from the server does not move the caret.
 */
function useDraft(value: string, onCommit: (v: string) => void) {
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  const cancelled = useRef(false);
  return {
    value: focused ? draft : value,
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
    setDraft,
  };
}

/** Text that grows with its lines, so nothing is cut. */
export function TextCell({ id, value, onCommit, placeholder }: { id: string; value: string; onCommit: (v: string) => void; placeholder?: string }) {
  const { setDraft, ...props } = useDraft(value, onCommit);
  return (
    <GrowTextarea id={id} className="input input--small" maxLength={200} placeholder={placeholder} {...props} onChange={(e) => setDraft(e.target.value)} />
  );
}

/** One line with suggestions (a participant's name), free text allowed. */
export function LineCell({ id, value, onCommit, list }: { id: string; value: string; onCommit: (v: string) => void; list: string }) {
  const { setDraft, ...props } = useDraft(value, onCommit);
  return <input id={id} className="input input--small" maxLength={200} list={list} autoComplete="off" {...props} onChange={(e) => setDraft(e.target.value)} />;
}

/** A theme number, 0–99 as the plan holds it; anything else is not saved. */
export function NumberCell({ id, value, onCommit }: { id: string; value: number | null; onCommit: (v: number | null) => void }) {
  const { setDraft, ...props } = useDraft(value === null ? '' : String(value), (v) => {
    const n = v === '' ? null : Number(v);
    if (n === null || (Number.isInteger(n) && n >= 0 && n <= 99)) onCommit(n);
  });
  return <input id={id} className="input input--small input--num" inputMode="numeric" maxLength={2} {...props} onChange={(e) => setDraft(e.target.value)} />;
}

/** 'HH:MM' or empty (no time), saved when left so a half-typed time is never sent. */
export function TimeCell({ id, value, onCommit, disabled }: { id: string; value: string | null; onCommit: (v: string | null) => void; disabled: boolean }) {
  const { setDraft, ...props } = useDraft(value ?? '', (v) => onCommit(v === '' ? null : v));
  return <input id={id} type="time" className="input input--small" disabled={disabled} {...props} onChange={(e) => setDraft(e.target.value)} />;
}
