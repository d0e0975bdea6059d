import { useState } from 'react';
import type { FormEvent } from 'react';
import type { TemplateId } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import type { Lang } from '../../i18n/index.ts';
import { createWorkshop } from '../../lib/api.ts';
import { navigate } from '../../lib/navigate.ts';
import { LangSwitch } from '../../ui/lang-switch.tsx';
import { CodeForm } from './code-form.tsx';
import { FromFile } from './from-file.tsx';
import { RecentList } from './recent-list.tsx';
import { rememberConsole } from './recent.ts';
import './start.css';

const TEMPLATES: TemplateId[] = ['handlingsplan', 'fragerunda', 'blank'];

export function StartPage() {
  const { t, lang } = useI18n();
  return (
    <div className="start">
      <header className="start__header">
        <span className="brand">
          <span className="brand__mark" aria-hidden="true" />
          {t('appName')}
        </span>
        <LangSwitch />
      </header>
      <main className="start__main">
        <p className="start__tagline">{t('startTagline')}</p>
        <JoinForm />
        <CreateForm defaultLang={lang} />
        <RecentList />
      </main>
    </div>
  );
}

function JoinForm() {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="join-h">
      <h2 id="join-h">{t('startJoinHeading')}</h2>
      <CodeForm />
    </section>
  );
}

function CreateForm({ defaultLang }: { defaultLang: Lang }) {
  const { t } = useI18n();
  const [template, setTemplate] = useState<TemplateId>('handlingsplan');
  const [title, setTitle] = useState('');
  const [lang, setLang] = useState<Lang>(defaultLang);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(false);
    try {
      const res = await createWorkshop({ template, lang, ...(title.trim() ? { title: title.trim() } : {}) });
      rememberConsole(res.code, title.trim() || t(`template_${template}`).split(' (')[0] || res.code, res.facilitatorKey);
      sessionStorage.setItem(`fokus:created:${res.code}`, '1');
      navigate(res.links.facilitator);
    } catch {
      setError(true);
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="create-h">
      <h2 id="create-h">{t('startCreateHeading')}</h2>
      <form onSubmit={submit} className="stack">
        <fieldset className="choices">
          <legend className="field__label">{t('startTemplateLabel')}</legend>
          {TEMPLATES.map((id) => (
            <label key={id} className="choice">
              <input type="radio" name="template" value={id} checked={template === id} onChange={() => setTemplate(id)} />
              <span>{t(`template_${id}`)}</span>
            </label>
          ))}
        </fieldset>
        <label className="field">
          <span className="field__label">{t('startTitleLabel')}</span>
          <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} />
        </label>
        <label className="field">
          <span className="field__label">{t('startLangLabel')}</span>
          <select className="input" value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'sv')}>
            <option value="sv">Svenska</option>
            <option value="en">English</option>
          </select>
        </label>
        {error && (
          <p className="form-error" role="alert">
            {t('startCreateFailed')}
          </p>
        )}
        <button type="submit" className="btn btn--primary btn--block" disabled={busy}>
          {busy ? t('startCreating') : t('startCreateButton')}
        </button>
      </form>
      <p className="start__or" aria-hidden="true">
        {t('startOr')}
      </p>
      <FromFile />
    </section>
  );
}
