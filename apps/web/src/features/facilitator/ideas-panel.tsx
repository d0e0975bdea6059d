import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import type { IdeaView, WorkshopView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { useHyphenated } from '../../lib/hyphenate.ts';
import { newId } from '../../realtime/ids.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectView } from '../../store/selectors.ts';
import { NoteBadges, NoteMarkControls } from '../../ui/note-marks.tsx';
import { ConfirmButton } from './confirm-button.tsx';
import { GrowTextarea } from './grow-textarea.tsx';
import { ideaMatcher } from './idea-filter.ts';

/**
 * Moderation at seed size: the ideas grouped by dimension, one compact line each, every dimension collapsible,
 * a search over text and details. Select to merge; edit, move, hide and delete in the line's inline editor.
 */
export function IdeasPanel() {
  const { t } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  const [selected, setSelected] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [adding, setAdding] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const matches = useMemo(() => ideaMatcher(query), [query]);
  if (!view) return null;
  const live = selected.filter((id) => view.ideas.some((i) => i.id === id));
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const merge = () => {
    const [targetId, ...sourceIds] = live;
    if (!targetId || sourceIds.length === 0) return;
    send({ type: 'idea:merge', targetId, sourceIds }, (r) => r.ok && setSelected([]));
  };
  const allCollapsed = view.boards.every((b) => collapsed.has(b.id));
  const setBoard = (boardId: string, shut: boolean) =>
    setCollapsed((c) => {
      const next = new Set(c);
      if (shut) next.add(boardId);
      else next.delete(boardId);
      return next;
    });
  const searching = query.trim() !== '';
  const shown = view.ideas.filter(matches);
  return (
    <section className={`panel mod${searching ? ' mod--searching' : ''}`} aria-labelledby="ideas-h">
      <div className="mod__head">
        <h2 id="ideas-h" className="panel-title">
          {t('ideas')} <span className="muted">({searching ? t('ideasMatches', { n: shown.length, total: view.ideas.length }) : view.ideas.length})</span>
        </h2>
        <label className="mod__search">
          <span className="visually-hidden">{t('ideasSearch')}</span>
          <input
            className="input input--small"
            type="search"
            placeholder={t('ideasSearch')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              // Escape empties the search (and only then: otherwise it is the browser's).
              if (e.key === 'Escape' && query) {
                e.preventDefault();
                setQuery('');
              }
            }}
          />
        </label>
        <button type="button" className="btn btn--small" onClick={() => setCollapsed(allCollapsed ? new Set() : new Set(view.boards.map((b) => b.id)))}>
          {allCollapsed ? t('expandAll') : t('collapseAll')}
        </button>
        <button type="button" className="btn btn--small" aria-expanded={adding} aria-controls="add-idea" onClick={() => setAdding((a) => !a)}>
          + {t('addIdeaLabel')}
        </button>
        <button type="button" className="btn btn--small btn--primary" disabled={live.length < 2} onClick={merge}>
          {t('mergeSelected', { n: live.length })}
        </button>
        {live.length > 0 && <p className="mod__hint muted small">{t('mergeHint')}</p>}
      </div>
      {adding && <AddIdeaForm view={view} />}
      {searching && shown.length === 0 && <p className="muted">{t('noMatches')}</p>}
      <div className="mod-dims">
        {view.boards.map((b, bi) => {
          const all = view.ideas.filter((i) => i.boardId === b.id);
          const ideas = all.filter(matches);
          const open = !collapsed.has(b.id);
          const listId = `mod-dim-${bi}`;
          return (
            <section key={b.id} className={`mod-dim${open ? '' : ' mod-dim--shut'}`} style={dimensionStyle(bi, b.color)} aria-label={b.title}>
              <h3 className="mod-dim__head">
                <button type="button" className="mod-dim__toggle" aria-expanded={open} aria-controls={listId} onClick={() => setBoard(b.id, open)}>
                  <span className="mod-dim__chevron" aria-hidden="true" />
                  <span className="mod-dim__title">{b.title}</span>
                  <span className="mod-dim__count">{searching ? t('ideasMatches', { n: ideas.length, total: all.length }) : all.length}</span>
                </button>
              </h3>
              {open && (
                <ul id={listId} className="mod-list">
                  {ideas.map((idea) => (
                    <IdeaRow key={idea.id} idea={idea} view={view} order={live.indexOf(idea.id)} onToggle={() => toggle(idea.id)} />
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
    </section>
  );
}

function IdeaRow({ idea, view, order, onToggle }: { idea: IdeaView; view: WorkshopView; order: number; onToggle: () => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  useEffect(() => {
    // Back from the editor (saved or cancelled): the keyboard continues where it left.
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      editButton.current?.focus();
    }
  }, [editing]);
  const close = () => {
    returnFocus.current = true;
    setEditing(false);
  };
  // Soft hyphens, so a long compound breaks with a hyphen in a narrow column (raw text for names and search).
  const text = useHyphenated(idea.text, view.lang);
  if (editing) return <IdeaEditor idea={idea} view={view} onClose={close} />;
  const group = view.groups.find((g) => g.id === idea.groupId)?.name;
  const meta = [group, idea.hidden ? t('hiddenTag') : null, idea.merged.length ? t('mergedFrom', { list: idea.merged.join(', ') }) : null].filter(Boolean);
  return (
    <li className={`mod-idea${idea.hidden ? ' mod-idea--hidden' : ''}${order >= 0 ? ' mod-idea--selected' : ''}`}>
      <label className="mod-idea__pick">
        <input type="checkbox" checked={order >= 0} onChange={onToggle} aria-label={t('selectIdea', { idea: idea.text })} />
        {order >= 0 && <span className="mod-idea__order">{order + 1}</span>}
      </label>
      <span className="mod-idea__no" title={t('themeNo', { n: idea.seq })}>
        #{idea.seq}
      </span>
      <div className="mod-idea__body">
        <span className="mod-idea__line">
          <span className="mod-idea__text">{text}</span>
          <NoteBadges tips={idea.tips} category={idea.category} />
          {idea.details && (
            // One line beside the text; all of it is in the tooltip, the search and the editor.
            <span className="mod-idea__details" title={idea.details}>
              {idea.details}
            </span>
          )}
        </span>
        {meta.length > 0 && <span className="mod-idea__meta">{meta.join(' · ')}</span>}
      </div>
      <button
        ref={editButton}
        type="button"
        className="icon-btn"
        aria-label={t('editIdea', { idea: idea.text })}
        title={t('edit')}
        onClick={() => setEditing(true)}
      >
        <PencilIcon />
      </button>
    </li>
  );
}

/** The line opened up: text, details (growing), dimension; save with Enter, leave with Escape; hide and delete. */
function IdeaEditor({ idea, view, onClose }: { idea: IdeaView; view: WorkshopView; onClose: () => void }) {
  const { t } = useI18n();
  const { send } = useSession();
  const [text, setText] = useState(idea.text);
  const [details, setDetails] = useState(idea.details);
  const [boardId, setBoardId] = useState(idea.boardId);
  const save = (e?: FormEvent) => {
    e?.preventDefault();
    const nextText = text.trim();
    const nextDetails = details.trim();
    if (nextText && (nextText !== idea.text || nextDetails !== idea.details)) {
      send({ type: 'idea:edit', ideaId: idea.id, text: nextText, details: nextDetails });
    }
    if (boardId !== idea.boardId) send({ type: 'idea:move', ideaId: idea.id, boardId });
    onClose();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Enter' && !e.shiftKey && e.target instanceof HTMLTextAreaElement) {
      // Details are a line or two: Enter saves, Shift+Enter breaks the line.
      e.preventDefault();
      save();
    }
  };
  return (
    <li className="mod-idea mod-idea--editing">
      <form className="mod-edit" onSubmit={save} onKeyDown={onKeyDown}>
        <span className="mod-idea__no">#{idea.seq}</span>
        <label className="field mod-edit__text">
          <span className="field__label">{t('ideaText')}</span>
          <input className="input input--small" value={text} maxLength={200} autoFocus onChange={(e) => setText(e.target.value)} />
        </label>
        <div className="field mod-edit__details">
          <label className="field__label" htmlFor={`${idea.id}-details`}>
            {t('ideaDetails')}
          </label>
          <GrowTextarea
            id={`${idea.id}-details`}
            className="input input--small"
            value={details}
            maxLength={1000}
            onChange={(e) => setDetails(e.target.value)}
          />
        </div>
        <label className="field mod-edit__board">
          <span className="field__label">{t('moveToBoard')}</span>
          <select className="input input--small" value={boardId} onChange={(e) => setBoardId(e.target.value)}>
            {view.boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.title}
              </option>
            ))}
          </select>
        </label>
        {/* TIPS and category take effect at once, like hide: not part of what Save sends. */}
        <NoteMarkControls idea={idea} categories={view.categories} onMark={(mark) => send({ type: 'idea:mark', ideaId: idea.id, ...mark })} />
        <div className="mod-edit__actions">
          <button type="submit" className="btn btn--small btn--primary" disabled={!text.trim()}>
            {t('save')}
          </button>
          <button type="button" className="btn btn--small" onClick={onClose}>
            {t('cancel')}
          </button>
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
      </form>
    </li>
  );
}

function PencilIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M11.3 1.7a1.5 1.5 0 0 1 2.1 0l.9.9a1.5 1.5 0 0 1 0 2.1L5.6 13.4 2 14l.6-3.6z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
    </svg>
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
    <form id="add-idea" className="inline-form add-idea" onSubmit={submit}>
      <label className="inline-field grow">
        <span className="visually-hidden">{t('ideaText')}</span>
        <input
          className="input input--small"
          placeholder={t('addIdeaPlaceholder')}
          value={text}
          maxLength={200}
          autoFocus
          onChange={(e) => setText(e.target.value)}
        />
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
