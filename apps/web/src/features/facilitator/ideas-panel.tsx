import { useState } from 'react';
import type { FormEvent } from 'react';
import type { IdeaView, WorkshopView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { newId } from '../../realtime/ids.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectView } from '../../store/selectors.ts';
import { ConfirmButton } from './confirm-button.tsx';

/** Moderation: edit, move, merge, hide, delete; add an idea for a group. */
export function IdeasPanel() {
  const { t } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  const [selected, setSelected] = useState<string[]>([]);
  if (!view) return null;
  const live = selected.filter((id) => view.ideas.some((i) => i.id === id));
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const merge = () => {
    const [targetId, ...sourceIds] = live;
    if (!targetId || sourceIds.length === 0) return;
    send({ type: 'idea:merge', targetId, sourceIds }, (r) => r.ok && setSelected([]));
  };
  return (
    <section className="panel" aria-labelledby="ideas-h">
      <div className="panel__head">
        <h2 id="ideas-h" className="panel-title">
          {t('ideas')} <span className="muted">({view.ideas.length})</span>
        </h2>
        <span className="muted small">{t('mergeHint')}</span>
        <button type="button" className="btn btn--small btn--primary" disabled={live.length < 2} onClick={merge}>
          {t('mergeSelected', { n: live.length })}
        </button>
      </div>
      <AddIdeaForm view={view} />
      <div className="idea-boards">
        {view.boards.map((b, bi) => {
          const ideas = view.ideas.filter((i) => i.boardId === b.id);
          return (
            <section key={b.id} className="idea-board" style={dimensionStyle(bi)} aria-label={b.title}>
              <h3 className="idea-board__head">
                {b.title} <span>{ideas.length}</span>
              </h3>
              <ul className="mod-list">
                {ideas.map((idea) => (
                  <IdeaRow
                    key={idea.id}
                    idea={idea}
                    view={view}
                    order={live.indexOf(idea.id)}
                    onToggle={() => toggle(idea.id)}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}

function IdeaRow({ idea, view, order, onToggle }: { idea: IdeaView; view: WorkshopView; order: number; onToggle: () => void }) {
  const { t } = useI18n();
  const { send } = useSession();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(idea.text);
  const [details, setDetails] = useState(idea.details);
  const group = view.groups.find((g) => g.id === idea.groupId)?.name;
  if (editing) {
    return (
      <li className="mod-idea">
        <form
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) send({ type: 'idea:edit', ideaId: idea.id, text: text.trim(), details: details.trim() });
            setEditing(false);
          }}
        >
          <label className="field">
            <span className="field__label">{t('ideaText')}</span>
            <input className="input input--small" value={text} maxLength={200} autoFocus onChange={(e) => setText(e.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">{t('ideaDetails')}</span>
            <input className="input input--small" value={details} maxLength={1000} onChange={(e) => setDetails(e.target.value)} />
          </label>
          <div className="row">
            <button type="submit" className="btn btn--small btn--primary">{t('save')}</button>
            <button type="button" className="btn btn--small" onClick={() => setEditing(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li className={`mod-idea${idea.hidden ? ' mod-idea--hidden' : ''}${order >= 0 ? ' mod-idea--selected' : ''}`}>
      <label className="mod-idea__pick">
        <input type="checkbox" checked={order >= 0} onChange={onToggle} aria-label={t('selectIdea', { idea: idea.text })} />
        {order >= 0 && <span className="mod-idea__order">{order + 1}</span>}
      </label>
      <div className="mod-idea__body">
        <span className="mod-idea__text">{idea.text}</span>
        {idea.details && <span className="muted small">{idea.details}</span>}
        <span className="muted small">
          {[group, idea.hidden ? t('hiddenTag') : null, idea.merged.length ? t('mergedFrom', { list: idea.merged.join(', ') }) : null]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
      <div className="mod-idea__actions">
        <button
          type="button"
          className="btn btn--small btn--ghost"
          onClick={() => {
            setText(idea.text);
            setDetails(idea.details);
            setEditing(true);
          }}
        >
          {t('edit')}
        </button>
        <select
          className="input input--small"
          aria-label={`${t('moveToBoard')}: ${idea.text}`}
          value={idea.boardId}
          onChange={(e) => send({ type: 'idea:move', ideaId: idea.id, boardId: e.target.value })}
        >
          {view.boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title}
            </option>
          ))}
        </select>
        <button type="button" className="btn btn--small btn--ghost" onClick={() => send({ type: 'idea:hide', ideaId: idea.id, hidden: !idea.hidden })}>
          {idea.hidden ? t('unhide') : t('hide')}
        </button>
        <ConfirmButton
          label={t('delete')}
          ariaLabel={`${t('delete')}: ${idea.text}`}
          question={t('confirmDelete')}
          onConfirm={() => send({ type: 'idea:delete', ideaId: idea.id })}
        />
      </div>
    </li>
  );
}

function AddIdeaForm({ view }: { view: WorkshopView }) {
  const { t } = useI18n();
  const { send } = useSession();
  const [boardId, setBoardId] = useState(view.boards[0]?.id ?? '');
  const [groupId, setGroupId] = useState('');
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim() || !boardId) return;
    send({ type: 'idea:add', ideaId: newId(), boardId, text: text.trim(), groupId: groupId || null });
    setText('');
  };
  return (
    <form className="inline-form add-idea" onSubmit={submit}>
      <label className="inline-field grow">
        <span className="visually-hidden">{t('ideaText')}</span>
        <input className="input input--small" placeholder={t('addIdeaPlaceholder')} value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
      </label>
      <label className="inline-field">
        <span className="visually-hidden">{t('pickDimension')}</span>
        <select className="input input--small" value={boardId} onChange={(e) => setBoardId(e.target.value)}>
          {view.boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.title}
            </option>
          ))}
        </select>
      </label>
      <label className="inline-field">
        <span className="visually-hidden">{t('addForGroup')}</span>
        <select className="input input--small" value={groupId} onChange={(e) => setGroupId(e.target.value)}>
          <option value="">{t('noGroup')}</option>
          {view.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn btn--small btn--primary" disabled={!text.trim()}>
        {t('addIdeaButton')}
      </button>
    </form>
  );
}
