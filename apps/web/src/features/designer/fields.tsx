import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { GrowTextarea } from '../facilitator/grow-textarea.tsx';
import { useLatestSent } from './use-latest-sent.ts';

/**
 * Designer fields: a draft while typing, sent when the field is left (or Enter in a one-line field).
 * The limits mirror the protocol's zod schema, so the facilitator reads what is wrong before anything is
 * sent; what the server still refuses is shown under the same field, in words.
 */

interface TextProps {
  label: string;
  value: string;
  maxLength: number;
  required?: boolean;
  /** Paragraphs: Enter makes a new line. */
  multiline?: boolean;
  /** One line of text that may be long (a question, a rule): wraps instead of being cut; Enter sends. */
  wrap?: boolean;
  hint?: string;
  className?: string;
  /** Sends the new value; calls back with the server's refusal in words, or null. */
  onCommit: (value: string, done: (refusal: string | null) => void) => void;
}

export function TextField({ label, value, maxLength, required = false, multiline = false, wrap = false, hint, className, onCommit }: TextProps) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  // Someone else's edit (or an undo) shows at once unless this field is being typed in; a draft that
  // failed its check stays, with its error, until it is mended or the value changes on the server.
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  const trimmed = draft.trim();
  const local = required && trimmed === '' ? t('designErrEmpty') : draft.length > maxLength ? t('designErrLong', { max: maxLength }) : null;
  const error = local ?? refusal;
  const commit = () => {
    focused.current = false;
    if (local || trimmed === value.trim()) return;
    setRefusal(null);
    onCommit(trimmed, setRefusal);
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && !multiline) {
      e.preventDefault();
      e.currentTarget.blur();
    }
    if (e.key === 'Escape') {
      setDraft(value);
      setRefusal(null);
    }
  };
  const common = {
    id,
    className: 'input input--small',
    value: draft,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-err` : hint ? `${id}-hint` : undefined,
    onFocus: () => {
      focused.current = true;
    },
    onBlur: commit,
  } as const;
  return (
    <div className={`field d-field${className ? ` ${className}` : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {multiline || wrap ? (
        <GrowTextarea
          {...common}
          className={`input input--small${multiline ? ' d-multiline' : ''}`}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKey}
        />
      ) : (
        <input {...common} type="text" onChange={(e) => setDraft(e.target.value)} onKeyDown={onKey} />
      )}
      <FieldNote id={id} error={error} hint={hint} />
    </div>
  );
}

interface NumberProps {
  label: string;
  value: number | null;
  min: number;
  max: number;
  /** Shown (and allowed) when the field is empty: the value is then null. */
  emptyLabel?: string;
  disabled?: boolean;
  hint?: string;
  onCommit: (value: number | null, done: (refusal: string | null) => void) => void;
}

export function NumberField({ label, value, min, max, emptyLabel, disabled = false, hint, onCommit }: NumberProps) {
  const { t } = useI18n();
  const id = useId();
  const shown = value === null ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  const focused = useRef(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  useEffect(() => {
    if (!focused.current) setDraft(shown);
  }, [shown]);
  const empty = draft.trim() === '';
  const n = Number(draft);
  const local = empty
    ? emptyLabel
      ? null
      : t('designErrRange', { min, max })
    : !Number.isInteger(n) || n < min || n > max
      ? t('designErrRange', { min, max })
      : null;
  const error = local ?? refusal;
  const commit = () => {
    focused.current = false;
    const next = empty ? null : n;
    if (local || next === value) return;
    setRefusal(null);
    onCommit(next, setRefusal);
  };
  return (
    <div className={`field d-field d-field--num${emptyLabel ? ' d-field--wide' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input input--small input--num"
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={draft}
        disabled={disabled}
        placeholder={emptyLabel}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : hint ? `${id}-hint` : undefined}
        onFocus={() => {
          focused.current = true;
        }}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
      />
      <FieldNote id={id} error={error} hint={hint} />
    </div>
  );
}

interface ListProps {
  legend: string;
  items: string[];
  max: number;
  maxLength: number;
  itemLabel: (n: number) => string;
  addLabel: string;
  onCommit: (items: string[], done: (refusal: string | null) => void) => void;
}

/** A list of short texts (guiding questions, ground rules, values): edit, add, remove; the whole list is sent. */
export function ListEditor({ legend, items, max, maxLength, itemLabel, addLabel, onCommit }: ListProps) {
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const list = useLatestSent(items);
  const send = (change: (latest: string[]) => string[], done: (r: string | null) => void = setRefusal) => {
    setRefusal(null);
    list.send(change(list.latest()), onCommit, done);
  };
  return (
    <fieldset className="d-list">
      <legend className="field__label">{legend}</legend>
      <ol className="d-list__items">
        {items.map((item, i) => (
          // The list is sent whole, so a position is this row's identity until the next answer.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positions in a list of plain strings
          <li key={i} className="d-list__row">
            <TextField
              label={itemLabel(i + 1)}
              value={item}
              maxLength={maxLength}
              required
              wrap
              className="d-list__text"
              onCommit={(v, done) => send((latest) => latest.map((x, j) => (j === i ? v : x)), done)}
            />
            <button
              type="button"
              className="btn btn--small btn--ghost d-list__remove"
              aria-label={t('designRemoveItem', { what: itemLabel(i + 1) })}
              onClick={() => send((latest) => latest.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      {adding ? (
        <NewItem
          label={itemLabel(items.length + 1)}
          maxLength={maxLength}
          onDone={(v) => {
            setAdding(false);
            if (v) send((latest) => [...latest, v]);
          }}
        />
      ) : (
        <button type="button" className="btn btn--small" disabled={items.length >= max} onClick={() => setAdding(true)}>
          + {addLabel}
        </button>
      )}
      <FieldError message={refusal} />
    </fieldset>
  );
}

/** The row a new item is typed in: Enter or leaving it adds the text, Escape or leaving it empty adds nothing. */
function NewItem({ label, maxLength, onDone }: { label: string; maxLength: number; onDone: (text: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState('');
  const tooLong = draft.length > maxLength;
  return (
    <div className="field d-field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input input--small"
        type="text"
        autoFocus
        value={draft}
        aria-invalid={tooLong ? true : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => !tooLong && onDone(draft.trim())}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') onDone('');
        }}
      />
      <FieldError message={tooLong ? t('designErrLong', { max: maxLength }) : null} />
    </div>
  );
}

/** "+ Lägg till …" under a list, with the server's refusal of the last add beneath it. */
export function AddRow({ label, disabled, onAdd, refusal }: { label: string; disabled: boolean; onAdd: () => void; refusal: string | null }) {
  return (
    <div className="d-add">
      <button type="button" className="btn btn--small btn--primary" disabled={disabled} onClick={onAdd}>
        + {label}
      </button>
      <FieldError message={refusal} />
    </div>
  );
}

/** A field's refusal, read out when it appears; nothing when there is none. */
export function FieldError({ message, id }: { message: string | null | undefined; id?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="d-error" role="alert">
      {message}
    </p>
  );
}

/** Under a field: its error (`${id}-err`) or else its hint (`${id}-hint`), the ids aria-describedby points at. */
function FieldNote({ id, error, hint }: { id: string; error: string | null; hint: string | undefined }) {
  if (error) return <FieldError id={`${id}-err`} message={error} />;
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="field__hint">
      {hint}
    </p>
  );
}
