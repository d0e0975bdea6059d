import { useId } from 'react';
import { useI18n } from '../i18n/index.ts';

/** The workshop's ground rules ("Spelregler"), numbered as the seed shows them. */
export function GroundRules({ rules, className = 'rules' }: { rules: readonly string[]; className?: string }) {
  const { t } = useI18n();
  const headingId = useId();
  if (rules.length === 0) return null;
  return (
    <section className={className} aria-labelledby={headingId}>
      <h2 id={headingId}>{t('rules')}</h2>
      <ol>
        {rules.map((r) => (
          <li key={r}>{r}</li>
        ))}
      </ol>
    </section>
  );
}
