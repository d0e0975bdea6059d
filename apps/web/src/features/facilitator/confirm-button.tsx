import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.ts';

interface Props {
  label: string;
  question: string;
  /** Called with whether the option (if any) was ticked. */
  onConfirm: (option: boolean) => void;
  /** A checkbox offered inside the question, off by default (e.g. also erase the person's name). */
  option?: string;
  className?: string;
  ariaLabel?: string;
}

/** A destructive action that asks once, inline. */
export function ConfirmButton({ label, question, onConfirm, option, className, ariaLabel }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [ticked, setTicked] = useState(false);
  useEffect(() => {
    if (!asking) return;
    // Time to read and tick the option too, when there is one.
    const id = setTimeout(() => setAsking(false), option ? 15_000 : 6000);
    return () => clearTimeout(id);
  }, [asking, option]);
  if (!asking) {
    return (
      <button
        type="button"
        className={`btn btn--small btn--danger ${className ?? ''}`}
        aria-label={ariaLabel}
        onClick={() => {
          setTicked(false);
          setAsking(true);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm__q">{question}</span>
      {option && (
        <label className="check confirm__option">
          <input type="checkbox" checked={ticked} onChange={(e) => setTicked(e.target.checked)} />
          <span>{option}</span>
        </label>
      )}
      <button
        type="button"
        className="btn btn--small btn--danger-solid"
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm(ticked);
        }}
      >
        {t('confirm')}
      </button>
      <button type="button" className="btn btn--small" onClick={() => setAsking(false)}>
        {t('cancel')}
      </button>
    </span>
  );
}
