import { useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { canAddDot, dotsLeft } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { lastDotIdea, optimisticVotes } from '../../lib/optimistic-votes.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectMe, selectPending, selectView } from '../../store/selectors.ts';
import { Dots } from '../../ui/dots.tsx';
import { useWakeLock } from '../../ui/use-wake-lock.ts';
import { IdeaText } from './idea-text.tsx';
import { Docked, useStickySlot } from './sticky-slot.tsx';

const EMPTY: Readonly<Record<string, number>> = {};

function tap() {
  navigator.vibrate?.(10);
}

/** Dot voting: every idea by dimension, + and − per idea, a sticky dots-left counter, undo and done. */
export function Vote() {
  const { t } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  const me = useFokus(selectMe);
  const pending = useFokus(selectPending);
  const [history, setHistory] = useState<string[]>([]);
  const slot = useStickySlot();
  useWakeLock(true);

  const { votes, pendingDots } = useMemo(() => optimisticVotes(me?.votes ?? EMPTY, pending), [me, pending]);
  const doneOptimistic = useMemo(() => {
    let done = me?.done ?? false;
    for (const p of pending) if (p.command.type === 'participant:done') done = p.command.done;
    return done;
  }, [me, pending]);

  if (!view) return null;
  const settings = view.voting.settings;
  const left = dotsLeft(settings, votes);
  const spent = settings.budget - left;

  const add = (ideaId: string) => {
    if (canAddDot(settings, votes, ideaId)) return;
    tap();
    send({ type: 'vote:add', ideaId });
    setHistory((h) => [...h, ideaId]);
  };
  const remove = (ideaId: string) => {
    if (!votes[ideaId]) return;
    tap();
    send({ type: 'vote:remove', ideaId });
    setHistory((h) => {
      const i = h.lastIndexOf(ideaId);
      return i < 0 ? h : [...h.slice(0, i), ...h.slice(i + 1)];
    });
  };
  const undoId = lastDotIdea(history, votes);

  const counter = (
    <div className="vote__counter" role="status" aria-live="polite">
      <div className="vote__counter-text">
        <strong>{t('dotsLeft', { left, budget: settings.budget })}</strong>
        {settings.capPerIdea !== null && <span className="muted"> · {t('capHint', { cap: settings.capPerIdea })}</span>}
      </div>
      <div className="vote__counter-row">
        <span className="vote__budget" style={{ '--dim': '#0f172a', '--dim-ink': '#0f172a' }}>
          <Dots filled={spent} empty={left} size="sm" />
        </span>
        <button type="button" className="btn btn--ghost btn--small" disabled={!undoId} onClick={() => undoId && remove(undoId)}>
          ↶ {t('undoLastDot')}
        </button>
      </div>
    </div>
  );
  return (
    <div className="vote">
      {slot ? createPortal(counter, slot) : counter}
      <p className="vote__privacy">{settings.anonymous ? t('voteAnonymousPhone') : t('voteNamedPhone')}</p>

      {view.boards.map((board, bi) => {
        const ideas = view.ideas.filter((i) => i.boardId === board.id && !i.hidden);
        if (ideas.length === 0) return null;
        return (
          <section key={board.id} className="vote__board" style={dimensionStyle(bi, board.color)} aria-labelledby={`vb-${board.id}`}>
            <h2 id={`vb-${board.id}`} className="vote__board-title">
              {board.title}
            </h2>
            <ul className="vote__ideas">
              {ideas.map((idea) => {
                const mine = votes[idea.id] ?? 0;
                const waiting = pendingDots[idea.id] ?? 0;
                const refusal = canAddDot(settings, votes, idea.id);
                return (
                  <li key={idea.id} className={`vote-idea${mine > 0 ? ' vote-idea--chosen' : ''}`}>
                    <div className="vote-idea__text">
                      <IdeaText className="vote-idea__words" text={idea.text} />
                      {idea.details && <IdeaText className="vote-idea__details" text={idea.details} />}
                      {mine > 0 && <Dots filled={mine - waiting} pending={waiting} label={t('myDotsOn', { n: mine })} />}
                    </div>
                    <div className="vote-idea__buttons">
                      <button
                        type="button"
                        className="round-btn"
                        aria-label={t('removeDot', { idea: idea.text })}
                        disabled={mine === 0}
                        onClick={() => remove(idea.id)}
                      >
                        −
                      </button>
                      <output className="vote-idea__count" aria-hidden="true">
                        {mine}
                      </output>
                      <button
                        type="button"
                        className="round-btn round-btn--add"
                        aria-label={t('addDot', { idea: idea.text })}
                        disabled={refusal !== null}
                        onClick={() => add(idea.id)}
                      >
                        +
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}

      <Docked>
        <div className="vote__done">
          {!doneOptimistic && left === 0 && <p className="vote__done-hint">{t('doneHint')}</p>}
          <button
            type="button"
            className={`btn btn--block btn--big ${doneOptimistic ? 'btn--done' : 'btn--primary'}`}
            aria-pressed={doneOptimistic}
            onClick={() => {
              tap();
              send({ type: 'participant:done', done: !doneOptimistic });
            }}
          >
            {doneOptimistic ? t('doneActive') : t('done')}
          </button>
        </div>
      </Docked>
    </div>
  );
}
