import { useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { hyphenate, useHyphenated } from '../../lib/hyphenate.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectTally, selectView } from '../../store/selectors.ts';
import { AddPaperParticipant } from './add-paper-participant.tsx';
import { ConfirmButton } from './confirm-button.tsx';
import { PaperBallot } from './paper-ballot.tsx';
import { TownEdit } from './town-edit.tsx';

/**
 * Everyone who joined: online, done; rename, remove, lock joining. Their dots only when voting is named
 * (the server sends no per-person count otherwise): then each person's count and ballot. Someone without a
 * phone is added here by name (marked "papper") and their paper ballot placed from "Röstsedel" while voting is open.
 */
export function ParticipantsPanel() {
  const { t } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  const ballots = useFokus(selectTally)?.ballots;
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [townOf, setTownOf] = useState<string | null>(null);
  const [ballotOf, setBallotOf] = useState<string | null>(null);
  const lang = view?.lang ?? 'sv';
  // A paper ballot's line names long themes: they break where the language breaks them.
  useHyphenated('', lang);
  if (!view) return null;
  const people = view.participants ?? [];
  const group = new Map(view.groups.map((g) => [g.id, g.name]));
  const ballotPerson = ballotOf && view.voting.status === 'open' ? people.find((p) => p.id === ballotOf && p.paper) : undefined;
  const ideaText = new Map(view.ideas.map((i) => [i.id, i.text]));
  // Each person's dots come in the tally (named voting only): the list itself does not change with a dot.
  const dotsOf = (participantId: string): number => Object.values(ballots?.[participantId] ?? {}).reduce((a, n) => a + n, 0);
  const ballotLine = (participantId: string, ballot = ballots?.[participantId]): string =>
    Object.entries(ballot ?? {})
      .sort((a, b) => b[1] - a[1])
      .map(([ideaId, n]) => `${ideaText.get(ideaId) ?? '?'} ${n}`)
      .join(' · ');
  return (
    <section className="panel panel--people" aria-labelledby="people-h">
      <div className="panel__head">
        <h2 id="people-h" className="panel-title">
          {t('participants')} <span className="muted">({people.length})</span>
        </h2>
      </div>
      <label className="check">
        <input type="checkbox" checked={view.joiningLocked} onChange={(e) => send({ type: 'workshop:lock-joining', locked: e.target.checked })} />
        <span>{t('lockJoining')}</span>
      </label>
      <AddPaperParticipant />
      {people.length === 0 ? (
        <p className="muted">{t('nobodyYet')}</p>
      ) : (
        <ul className="people">
          {people.map((p) => (
            <li key={p.id} className={`person${p.paper ? ' person--paper' : p.online ? '' : ' person--offline'}`}>
              {townOf === p.id ? (
                <TownEdit person={p} onDone={() => setTownOf(null)} />
              ) : editing === p.id ? (
                <form
                  className="inline-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    if (draft.trim()) send({ type: 'participant:rename', participantId: p.id, name: draft.trim() });
                    setEditing(null);
                  }}
                >
                  <label className="visually-hidden" htmlFor={`rn-${p.id}`}>
                    {t('rename')}
                  </label>
                  <input id={`rn-${p.id}`} className="input input--small" value={draft} autoFocus maxLength={60} onChange={(e) => setDraft(e.target.value)} />
                  <button type="submit" className="btn btn--small btn--primary">
                    {t('save')}
                  </button>
                  <button type="button" className="btn btn--small" onClick={() => setEditing(null)}>
                    {t('cancel')}
                  </button>
                </form>
              ) : (
                <>
                  <div className="person__main">
                    {!p.paper && <span className={`presence${p.online ? ' presence--on' : ''}`} aria-hidden="true" />}
                    <span className="person__name">{p.name}</span>
                    {p.paper && (
                      <span className="tag tag--paper" title={t('paperTagHint')}>
                        {t('paperTag')}
                      </span>
                    )}
                    {p.done && <span className="tag tag--ok">{t('doneTag')}</span>}
                    {!p.online && !p.paper && <span className="tag">{t('offlineTag')}</span>}
                  </div>
                  <div className="person__meta muted">
                    {[p.town, p.organisation, p.groupId ? group.get(p.groupId) : null, dotsOf(p.id) ? `${dotsOf(p.id)}\u00a0●` : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </div>
                  {dotsOf(p.id) ? <div className="person__meta muted">{ballotLine(p.id)}</div> : null}
                  {p.paper && p.paperBallot && !dotsOf(p.id) && Object.keys(p.paperBallot).length > 0 ? (
                    <div className="person__meta muted" lang={lang}>
                      {hyphenate(ballotLine(p.id, p.paperBallot), lang)}
                    </div>
                  ) : null}
                  <div className="person__actions">
                    {p.paper && view.voting.status === 'open' && (
                      <button type="button" className="btn btn--small btn--primary" onClick={() => setBallotOf(p.id)}>
                        {t('paperBallot')}
                      </button>
                    )}
                    <button
                      type="button"
                      className="btn btn--small btn--ghost"
                      onClick={() => {
                        setDraft(p.name);
                        setEditing(p.id);
                      }}
                    >
                      {t('rename')}
                    </button>
                    <button
                      type="button"
                      className="btn btn--small btn--ghost"
                      aria-label={t('townEditNamed', { name: p.name })}
                      onClick={() => {
                        setEditing(null);
                        setTownOf(p.id);
                      }}
                    >
                      {t('townEdit')}
                    </button>
                    <ConfirmButton
                      label={t('remove')}
                      question={t('confirmRemove', { name: p.name })}
                      option={t('eraseParticipant')}
                      onConfirm={(erase) => send({ type: 'participant:remove', participantId: p.id, ...(erase ? { erase } : {}) })}
                    />
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {ballotPerson && <PaperBallot person={ballotPerson} onClose={() => setBallotOf(null)} />}
    </section>
  );
}
