import { useCallback, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import type { IdeaView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { newId } from '../../realtime/ids.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectMe, selectPending, selectView } from '../../store/selectors.ts';
import { GroupCard } from './group-card.tsx';
import { IdeaCard } from './idea-card.tsx';
import { Docked } from './sticky-slot.tsx';
import type { ShownIdea } from './idea-card.tsx';

/** Brainstorm (and, read-only, present/reflect): pick a dimension, see its purpose and questions, add ideas. */
export function Brainstorm({ readOnly = false }: { readOnly?: boolean }) {
  const { t } = useI18n();
  const view = useFokus(selectView);
  const me = useFokus(selectMe);
  const pending = useFokus(selectPending);
  const [boardId, setBoardId] = useState<string | null>(null);

  const boards = view?.boards ?? [];
  const boardIndex = Math.max(
    0,
    boards.findIndex((b) => b.id === boardId),
  );
  const board = boards[boardIndex];
  const groups = view?.groups;
  const groupName = useCallback((id: string | null) => (id ? (groups?.find((g) => g.id === id)?.name ?? null) : null), [groups]);

  const ideas = useMemo((): ShownIdea[] => {
    if (!view || !board) return [];
    const mine = new Set(me?.ownIdeaIds ?? []);
    const inGroup = (i: IdeaView) => (readOnly ? true : me?.groupId ? i.groupId === me.groupId || mine.has(i.id) : mine.has(i.id));
    // What this phone has sent and the server has not confirmed yet shows at once: edits, withdrawals, new ideas.
    const edits = new Map<string, { text: string; details: string }>();
    const withdrawn = new Set<string>();
    const marks = new Map<string, { tips?: boolean; category?: string | null }>();
    for (const p of pending) {
      if (p.command.type === 'idea:mark') marks.set(p.command.ideaId, { ...marks.get(p.command.ideaId), ...withoutUndefined(p.command) });
      if (p.command.type === 'idea:edit') edits.set(p.command.ideaId, { text: p.command.text, details: p.command.details });
      if (p.command.type === 'idea:delete') withdrawn.add(p.command.ideaId);
    }
    const confirmed = view.ideas
      .filter((i) => i.boardId === board.id && inGroup(i) && !withdrawn.has(i.id))
      .map((i) => {
        const edit = edits.get(i.id);
        const mark = marks.get(i.id);
        return {
          id: i.id,
          text: edit?.text ?? i.text,
          details: edit?.details ?? i.details,
          groupName: groupName(i.groupId),
          mine: mine.has(i.id),
          pending: edit !== undefined,
          tips: mark?.tips ?? i.tips,
          category: mark?.category === undefined ? i.category : mark.category,
        };
      });
    const known = new Set(view.ideas.map((i) => i.id));
    const waiting = pending.flatMap((p) =>
      p.command.type === 'idea:add' && p.command.boardId === board.id && !known.has(p.command.ideaId)
        ? [
            {
              id: p.command.ideaId,
              text: p.command.text,
              details: p.command.details ?? '',
              groupName: null,
              mine: true,
              pending: true,
              tips: false,
              category: null,
            },
          ]
        : [],
    );
    return [...confirmed, ...waiting];
  }, [view, board, me, pending, readOnly, groupName]);

  if (!view || !board) return null;

  const spotlight = view.spotlightGroupId;
  const heading = readOnly ? t('allIdeas') : me?.groupId ? t('groupIdeasInBoard', { n: ideas.length }) : t('myIdeasInBoard', { n: ideas.length });
  return (
    <div className="stack">
      <GroupCard />
      <nav aria-label={t('pickDimension')}>
        <ul className="board-tabs">
          {boards.map((b, i) => (
            <li key={b.id}>
              <button type="button" className="board-tab" style={dimensionStyle(i, b.color)} aria-pressed={b.id === board.id} onClick={() => setBoardId(b.id)}>
                {b.title}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <section className="board-card" style={dimensionStyle(boardIndex, board.color)} aria-labelledby="board-h">
        <h2 id="board-h" className="board-card__title">
          {board.title}
        </h2>
        {board.purpose && <p className="board-card__purpose">{board.purpose}</p>}
        {board.questions.length > 0 && (
          <>
            {!readOnly && <p className="board-card__ask">{t('questionsToThinkAbout')}</p>}
            <ul className="board-card__questions">
              {board.questions.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section aria-labelledby="ideas-h">
        <h2 id="ideas-h" className="section-title">
          {heading}
        </h2>
        {ideas.length === 0 ? (
          <p className="muted">{readOnly ? t('noIdeasYet') : t('noOwnIdeasYet')}</p>
        ) : (
          <ul className="idea-list" style={dimensionStyle(boardIndex, board.color)}>
            {ideas.map((i) => (
              <IdeaCard
                key={i.id}
                idea={i}
                editable={!readOnly && i.mine}
                showGroup={readOnly}
                dimmed={!!spotlight && readOnly && groupName(spotlight) !== i.groupName}
                categories={view.categories}
              />
            ))}
          </ul>
        )}
      </section>
      {!readOnly && (
        <Docked>
          <Composer boardId={board.id} boardTitle={board.title} boardIndex={boardIndex} color={board.color} question={board.questions[0]} />
        </Docked>
      )}
    </div>
  );
}

/** A pending mark's fields that were given (an absent one leaves the note's own). */
function withoutUndefined(c: { tips?: boolean; category?: string | null }): { tips?: boolean; category?: string | null } {
  return { ...(c.tips === undefined ? {} : { tips: c.tips }), ...(c.category === undefined ? {} : { category: c.category }) };
}

/** The new-idea box, docked at the bottom of the screen where the thumb is. */
function Composer({
  boardId,
  boardTitle,
  boardIndex,
  color,
  question,
}: {
  boardId: string;
  boardTitle: string;
  boardIndex: number;
  color: string | undefined;
  question: string | undefined;
}) {
  const { t } = useI18n();
  const { send } = useSession();
  const [text, setText] = useState('');
  const [details, setDetails] = useState('');
  const [withDetails, setWithDetails] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = text.trim();
    if (!clean) return;
    send({ type: 'idea:add', ideaId: newId(), boardId, text: clean, ...(details.trim() ? { details: details.trim() } : {}) });
    navigator.vibrate?.(10);
    setText('');
    setDetails('');
    setWithDetails(false);
  };

  return (
    <form className="composer" style={dimensionStyle(boardIndex, color)} onSubmit={submit}>
      <label htmlFor="composer-text" className="composer__label">
        {t('addIdeaLabel')} <span className="composer__board">· {boardTitle}</span>
      </label>
      {/* The dimension's first guiding question stays where the person writes (the card above has them all). */}
      {question && <p className="composer__question">{question}</p>}
      <div className="composer__row">
        <textarea
          id="composer-text"
          className="input composer__text"
          rows={1}
          value={text}
          maxLength={200}
          placeholder={t('addIdeaPlaceholder')}
          enterKeyHint="send"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <button type="submit" className="btn btn--primary composer__send" disabled={!text.trim()}>
          {t('addIdeaButton')}
        </button>
      </div>
      {/* Details are a second thought: offered once there is an idea to add them to, so the dock stays small. */}
      {(text.trim() || withDetails) && (
        <button type="button" className="composer__more" aria-expanded={withDetails} aria-controls="composer-details" onClick={() => setWithDetails((v) => !v)}>
          {withDetails ? t('hideDetails') : t('addDetailsShort')}
        </button>
      )}
      {withDetails && (
        <label className="field" id="composer-details">
          <span className="visually-hidden">{t('addDetailsLabel')}</span>
          <textarea
            className="input composer__details"
            rows={2}
            value={details}
            maxLength={1000}
            placeholder={t('addDetailsLabel')}
            onChange={(e) => setDetails(e.target.value)}
          />
        </label>
      )}
    </form>
  );
}
