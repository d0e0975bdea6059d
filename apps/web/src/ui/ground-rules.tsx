import { useId } from 'react';
import { useI18n } from '../i18n/index.ts';

/**
 * The workshop's ground rules ("Spelregler"), numbered as the seed shows them, and the values the meeting stands on
 * ("Bästa möjliga möte") where a screen has room for them.
 */
export function GroundRules({ rules, values = [], className = 'rules' }: { rules: readonly string[]; values?: readonly string[]; className?: string }) {
  const { t } = useI18n();
  const headingId = useId();
  const valuesId = useId();
  if (rules.length === 0 && values.length === 0) return null;
  return (
    <>
      {rules.length > 0 && (
        <section className={className} aria-labelledby={headingId}>
          <h2 id={headingId}>{t('rules')}</h2>
          <ol>
            {rules.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ol>
        </section>
      )}
      {values.length > 0 && (
        <section className={`${className} ${className}--values`} aria-labelledby={valuesId}>
          <h2 id={valuesId}>{t('values')}</h2>
          <ul>
            {values.map((v) => (
              <li key={v}>{v}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
