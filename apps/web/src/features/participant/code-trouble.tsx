import { useI18n } from '../../i18n/index.ts';
import { CodeForm } from '../start/code-form.tsx';
import { LangSwitch } from '../../ui/lang-switch.tsx';

/** /j/CODE with a code no workshop has (mistyped, or the workshop ended and was deleted): say so and how to go on. */
export function CodeTrouble({ code, deleted = false }: { code: string; deleted?: boolean }) {
  const { t, err } = useI18n();
  return (
    <div className="phone">
      <main className="join code-trouble">
        <h1>{deleted ? err('workshop_deleted') : t('codeNotFoundHeading', { code })}</h1>
        <p>{t('codeNotFoundHelp')}</p>
        <CodeForm />
        <a className="btn btn--block" href="/">
          {t('toStartPage')}
        </a>
        <LangSwitch />
      </main>
    </div>
  );
}
