import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/index.ts';

interface Props {
  label: string;
  question: string;
  onConfirm: () => void;
  className?: string;
  ariaLabel?: string;
}

/** A destructive action that asks once, inline. */
export function ConfirmButton({ label, question, onConfirm, className, ariaLabel }: Props) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    if (!asking) return;
    const id = setTimeout(() => setAsking(false), 6000);
    return () => clearTimeout(id);
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" className={`btn btn--small btn--danger ${className ?? ''}`} aria-label={ariaLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm__q">{question}</span>
      <button
        type="button"
        className="btn btn--small btn--danger-solid"
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
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
