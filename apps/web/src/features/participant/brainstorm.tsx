import { useCallback, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { IdeaView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { newId } from '../../realtime/ids.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectMe, selectPending, selectView } from '../../store/selectors.ts';

interface ShownIdea {
  id: string;
  text: string;
  details: string;
  groupName: string | null;
  pending: boolean;
}

/** Brainstorm (and, read-only, present/reflect): pick a dimension, see its purpose and questions, add ideas. */
export function Brainstorm({ readOnly = false }: { readOnly?: boolean }) {
  const { t } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  const me = useFokus(selectMe);
  const pending = useFokus(selectPending);
  const [boardId, setBoardId] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [details, setDetails] = useState('');

  const boards = view?.boards ?? [];
  const boardIndex = Math.max(0, boards.findIndex((b) => b.id === boardId));
  const board = boards[boardIndex];
  const groups = view?.groups;
  const groupName = useCallback((id: string | null) => (id ? (groups?.find((g) => g.id === id)?.name ?? null) : null), [groups]);

  const ideas = useMemo((): ShownIdea[] => {
    if (!view || !board) return [];
    const mine = new Set(me?.ownIdeaIds ?? []);
    const inGroup = (i: IdeaView) => (readOnly ? true : me?.groupId ? i.groupId === me.groupId : mine.has(i.id));
    const confirmed = view.ideas
      .filter((i) => i.boardId === board.id && inGroup(i))
      .map((i) => ({ id: i.id, text: i.text, details: i.details, groupName: groupName(i.groupId), pending: false }));
    const known = new Set(view.ideas.map((i) => i.id));
    const waiting = pending.flatMap((p) =>
      p.command.type === 'idea:add' && p.command.boardId === board.id && !known.has(p.command.ideaId)
        ? [{ id: p.command.ideaId, text: p.command.text, details: p.command.details ?? '', groupName: null, pending: true }]
        : [],
    );
    return [...confirmed, ...waiting];
  }, [view, board, me, pending, readOnly, groupName]);

  if (!view || !board) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = text.trim();
    if (!clean) return;
    send({ type: 'idea:add', ideaId: newId(), boardId: board.id, text: clean, ...(details.trim() ? { details: details.trim() } : {}) });
    navigator.vibrate?.(10);
    setText('');
    setDetails('');
  };

  const spotlight = view.spotlightGroupId;
  return (
    <div className="stack">
      {!readOnly && <GroupCard />}
      <nav aria-label={t('pickDimension')}>
        <ul className="board-tabs">
          {boards.map((b, i) => (
            <li key={b.id}>
              <button
                type="button"
                className="board-tab"
                style={dimensionStyle(i)}
                aria-pressed={b.id === board.id}
                onClick={() => setBoardId(b.id)}
              >
                {b.title}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <section className="board-card" style={dimensionStyle(boardIndex)} aria-labelledby="board-h">
        <h2 id="board-h" className="board-card__title">
          {board.title}
        </h2>
        {board.purpose && <p className="board-card__purpose">{board.purpose}</p>}
        {board.questions.length > 0 && (
          <ul className="board-card__questions">
            {board.questions.map((q) => (
              <li key={q}>{q}</li>
            ))}
          </ul>
        )}
        {!readOnly && (
          <form className="idea-form" onSubmit={submit}>
            <label className="field">
              <span className="field__label">{t('addIdeaLabel')}</span>
              <textarea
                className="input"
                rows={2}
                value={text}
                maxLength={200}
                placeholder={t('addIdeaPlaceholder')}
                onChange={(e) => setText(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' && !e.shiftKey) {
                    e.preventDefault();
                    e.currentTarget.form?.requestSubmit();
                  }
                }}
              />
            </label>
            <details className="idea-form__more">
              <summary>{t('addDetailsLabel')}</summary>
              <label className="field">
                <span className="visually-hidden">{t('addDetailsLabel')}</span>
                <textarea className="input" rows={2} value={details} maxLength={1000} onChange={(e) => setDetails(e.target.value)} />
              </label>
            </details>
            <button type="submit" className="btn btn--primary btn--block" disabled={!text.trim()}>
              {t('addIdeaButton')}
            </button>
          </form>
        )}
      </section>
      <section aria-labelledby="ideas-h">
        <h2 id="ideas-h" className="section-title">
          {readOnly ? t('allIdeas') : t('ideasInBoard', { n: ideas.length })}
        </h2>
        {ideas.length === 0 ? (
          <p className="muted">{t('noIdeasYet')}</p>
        ) : (
          <ul className="idea-list" style={dimensionStyle(boardIndex)}>
            {ideas.map((i) => (
              <li
                key={i.id}
                className={`idea-item${i.pending ? ' idea-item--pending' : ''}${spotlight && readOnly && groupName(spotlight) !== i.groupName ? ' idea-item--dim' : ''}`}
              >
                <span className="idea-item__text">{i.text}</span>
                {i.details && <span className="idea-item__details">{i.details}</span>}
                {readOnly && i.groupName && <span className="idea-item__group">{i.groupName}</span>}
                {i.pending && <span className="idea-item__status">{t('sending')}</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function GroupCard() {
  const { t } = useI18n();
  const me = useFokus(selectMe);
  const groups = useFokus((s) => s.view?.groups);
  if (!me) return null;
  const group = groups?.find((g) => g.id === me.groupId);
  return (
    <section className="group-card" aria-label={t('yourGroup')}>
      {group ? (
        <>
          <strong>{group.name}</strong>
          <span className="group-card__members">{me.groupMembers.join(', ')}</span>
        </>
      ) : (
        <span className="muted">{t('noGroupYet')}</span>
      )}
    </section>
  );
}
