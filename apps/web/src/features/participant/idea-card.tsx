import { useState } from 'react';
import type { FormEvent } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { useSession } from '../../store/context.tsx';
import { NoteBadges, NoteMarkControls } from '../../ui/note-marks.tsx';
import { IdeaText } from './idea-text.tsx';

export interface ShownIdea {
  id: string;
  text: string;
  details: string;
  groupName: string | null;
  /** Written on this phone: its author may change or withdraw it while brainstorming is open. */
  mine: boolean;
  /** Sent, not yet confirmed by the server. */
  pending: boolean;
  /** Marked TIPS, and its category: the writer may change both at any step. */
  tips: boolean;
  category: string | null;
}

type Mode = 'view' | 'edit' | 'withdraw';

/** One idea in the brainstorm list; the author's own can be corrected inline or withdrawn after one question. */
export function IdeaCard({
  idea,
  editable,
  showGroup,
  dimmed,
  categories,
}: {
  idea: ShownIdea;
  editable: boolean;
  showGroup: boolean;
  dimmed: boolean;
  /** The workshop's categories: the writer's own note offers them. */
  categories: readonly string[];
}) {
  const { t } = useI18n();
  const { send } = useSession();
  const [mode, setMode] = useState<Mode>('view');
  const classes = ['idea-item', idea.pending && 'idea-item--pending', dimmed && 'idea-item--dim', idea.mine && 'idea-item--mine'].filter(Boolean).join(' ');

  if (editable && mode === 'edit') return <EditIdea idea={idea} done={() => setMode('view')} />;
  return (
    <li className={classes}>
      <IdeaText className="idea-item__text" text={idea.text} />
      {idea.details && <IdeaText className="idea-item__details" text={idea.details} />}
      {/* The writer sees the marks as controls on their own note; everyone else as badges. */}
      {idea.mine && !idea.pending ? (
        <NoteMarkControls idea={idea} categories={categories} onMark={(mark) => send({ type: 'idea:mark', ideaId: idea.id, ...mark })} />
      ) : (
        <NoteBadges tips={idea.tips} category={idea.category} className="idea-item__badges" />
      )}
      {showGroup && idea.groupName && <span className="idea-item__group">{idea.groupName}</span>}
      {idea.pending && <span className="idea-item__status">{t('sending')}</span>}
      {editable && !idea.pending && mode === 'view' && (
        <div className="idea-item__actions">
          <button type="button" className="btn btn--small btn--ghost" aria-label={t('editIdeaNamed', { idea: idea.text })} onClick={() => setMode('edit')}>
            {t('edit')}
          </button>
          <button
            type="button"
            className="btn btn--small btn--ghost"
            aria-label={t('withdrawIdeaNamed', { idea: idea.text })}
            onClick={() => setMode('withdraw')}
          >
            {t('withdrawIdea')}
          </button>
        </div>
      )}
      {editable && mode === 'withdraw' && <ConfirmWithdraw idea={idea} cancel={() => setMode('view')} />}
    </li>
  );
}

function ConfirmWithdraw({ idea, cancel }: { idea: ShownIdea; cancel: () => void }) {
  const { t } = useI18n();
  const { send } = useSession();
  return (
    <div className="idea-item__confirm" role="group" aria-label={t('withdrawQuestion')}>
      <p>{t('withdrawQuestion')}</p>
      <div className="idea-item__actions">
        <button
          type="button"
          className="btn btn--small btn--danger-solid"
          autoFocus
          onClick={() => {
            navigator.vibrate?.(10);
            send({ type: 'idea:delete', ideaId: idea.id });
          }}
        >
          {t('withdrawConfirm')}
        </button>
        <button type="button" className="btn btn--small" onClick={cancel}>
          {t('cancel')}
        </button>
      </div>
    </div>
  );
}

function EditIdea({ idea, done }: { idea: ShownIdea; done: () => void }) {
  const { t } = useI18n();
  const { send } = useSession();
  const [text, setText] = useState(idea.text);
  const [details, setDetails] = useState(idea.details);
  const save = (e: FormEvent) => {
    e.preventDefault();
    const clean = text.trim();
    if (!clean) return;
    if (clean !== idea.text || details.trim() !== idea.details) send({ type: 'idea:edit', ideaId: idea.id, text: clean, details: details.trim() });
    done();
  };
  return (
    <li className="idea-item idea-item--mine idea-item--editing">
      <form className="stack idea-edit" onSubmit={save}>
        <label className="field">
          <span className="field__label">{t('editIdeaLabel')}</span>
          <textarea
            className="input"
            rows={2}
            value={text}
            maxLength={200}
            autoFocus
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') done();
            }}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('addDetailsLabel')}</span>
          <textarea className="input" rows={2} value={details} maxLength={1000} onChange={(e) => setDetails(e.target.value)} />
        </label>
        <div className="idea-item__actions">
          <button type="submit" className="btn btn--small btn--primary" disabled={!text.trim()}>
            {t('save')}
          </button>
          <button type="button" className="btn btn--small" onClick={done}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </li>
  );
}
