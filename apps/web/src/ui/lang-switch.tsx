import { useI18n } from '../i18n/index.ts';

export function LangSwitch({ className }: { className?: string }) {
  const { t, toggle, lang } = useI18n();
  return (
    <button type="button" className={`lang-switch ${className ?? ''}`} onClick={toggle} lang={lang === 'sv' ? 'en' : 'sv'}>
      {t('switchLanguage')}
    </button>
  );
}
