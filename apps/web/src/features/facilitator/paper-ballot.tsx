import { useEffect, useRef, useState } from 'react';
import type { ParticipantView } from '@fokus/protocol';
import { canAddDot, canRemoveDot, dotsLeft } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { hyphenate, useHyphenated } from '../../lib/hyphenate.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectView } from '../../store/selectors.ts';
import type { Expectations } from './paper-ballot-shown.ts';
import { SETTLE_MS, answered, clicked, settled, shownBallot } from './paper-ballot-shown.ts';
import './paper-ballot.css';

/**
 * "Röstsedel": the facilitator places the dots of someone without a phone as they read out their paper ballot.
 * The same budget and cap as on a phone (core's rules grey the buttons; the server decides); refusals are shown.
 * A dialog over the console, wide enough for four dimensions of sixteen ideas at 1280×720.
 */
export function PaperBallot({ person, onClose }: { person: ParticipantView; onClose: () => void }) {
  const { t, err } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  const dialog = useRef<HTMLDialogElement>(null);
  const [expected, setExpected] = useState<Expectations>(() => new Map());
  const [refusal, setRefusal] = useState<string | null>(null);
  const lang = view?.lang ?? 'sv';
  useHyphenated('', lang);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  // A target the server's figure has reached is let go; one it never reaches (another console changed the same
  // ballot) is let go a little after its last answer.
  const paperBallot = person.paperBallot;
  useEffect(() => {
    if (expected.size === 0) return;
    const now = Date.now();
    const next = settled(expected, paperBallot ?? {}, now);
    if (next.size !== expected.size) return setExpected(next);
    const waits = [...expected.values()].filter((e) => e.pending === 0).map((e) => e.answeredAt + SETTLE_MS - now);
    if (waits.length === 0) return;
    const id = setTimeout(() => setExpected((e) => settled(e, paperBallot ?? {}, Date.now())), Math.max(0, Math.min(...waits)));
    return () => clearTimeout(id);
  }, [expected, paperBallot]);

  if (!view) return null;
  const settings = view.voting.settings;
  const server = paperBallot ?? {};
  const ballot = shownBallot(server, expected);
  const left = dotsLeft(settings, ballot);
  const open = view.voting.status === 'open';

  const change = (ideaId: string, delta: 1 | -1) => {
    setRefusal(null);
    setExpected((e) => clicked(e, server, ideaId, delta));
    send({ type: delta === 1 ? 'vote:add' : 'vote:remove', ideaId, participantId: person.id }, (r) => {
      setExpected((e) => answered(e, ideaId, r.ok, Date.now()));
      if (!r.ok) setRefusal(err(r.error));
    });
  };
  const setDone = (done: boolean) =>
    send({ type: 'participant:done', done, participantId: person.id }, (r) => {
      if (!r.ok) setRefusal(err(r.error));
    });

  const visible = view.ideas.filter((i) => !i.hidden);
  return (
    <dialog ref={dialog} className="ballot" aria-labelledby="ballot-h" onClose={onClose} lang={lang}>
      <header className="ballot__head">
        <div className="ballot__who">
          <h2 id="ballot-h">{t('paperBallotFor', { name: person.name })}</h2>
          <p className="muted">{t('paperBallotHint')}</p>
        </div>
        <p className="ballot__left" aria-live="polite">
          <strong>{t('paperDotsLeft', { n: left, budget: settings.budget })}</strong>
          {settings.capPerIdea !== null && <span className="muted"> · {t('paperCap', { n: settings.capPerIdea })}</span>}
        </p>
        <label className="check ballot__done">
          <input type="checkbox" checked={person.done} onChange={(e) => setDone(e.target.checked)} />
          <span>{t('paperDone')}</span>
        </label>
        <button type="button" className="btn btn--small" onClick={() => dialog.current?.close()}>
          {t('close')}
        </button>
      </header>
      {!open && <p className="ballot__note">{t('paperVotingClosed')}</p>}
      {refusal && (
        <p className="form-error ballot__note" role="alert">
          {refusal}
        </p>
      )}
      <div className="ballot__boards">
        {view.boards.map((b, bi) => {
          const ideas = visible.filter((i) => i.boardId === b.id);
          return (
            <section key={b.id} className="ballot__board" style={dimensionStyle(bi, b.color)} aria-labelledby={`ballot-b-${b.id}`}>
              <h3 id={`ballot-b-${b.id}`} className="ballot__board-title">
                {hyphenate(b.title, lang)}
              </h3>
              <ol className="ballot__ideas">
                {ideas.map((i) => {
                  const n = ballot[i.id] ?? 0;
                  const addBlocked = !open || canAddDot(settings, ballot, i.id) !== null;
                  const removeBlocked = !open || canRemoveDot(ballot, i.id) !== null;
                  return (
                    <li key={i.id} className={`ballot__idea${n > 0 ? ' ballot__idea--on' : ''}`}>
                      <span className="ballot__text">
                        <span className="ballot__seq">#{i.seq}</span> {hyphenate(i.text, lang)}
                      </span>
                      <button
                        type="button"
                        className="ballot__btn"
                        disabled={removeBlocked}
                        aria-label={t('paperRemoveDot', { idea: i.text })}
                        onClick={() => change(i.id, -1)}
                      >
                        −
                      </button>
                      <output className="ballot__n" aria-label={t('paperDotsOn', { n, idea: i.text })}>
                        {n}
                      </output>
                      <button
                        type="button"
                        className="ballot__btn ballot__btn--add"
                        disabled={addBlocked}
                        aria-label={t('paperAddDot', { idea: i.text })}
                        onClick={() => change(i.id, 1)}
                      >
                        +
                      </button>
                    </li>
                  );
                })}
              </ol>
            </section>
          );
        })}
      </div>
    </dialog>
  );
}
