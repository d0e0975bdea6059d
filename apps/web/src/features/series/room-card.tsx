import { useEffect } from 'react';
import type { IdeaView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { NoteBadges } from '../../ui/note-marks.tsx';
import { Timer } from '../../ui/timer.tsx';
import { RoomLive, useRoom } from './room-live.tsx';
import type { SeriesRoom } from './series-api.ts';

interface Props {
  room: SeriesRoom;
  towns: readonly string[] | undefined;
  /** The room's head count changed: its towns may have too. */
  onPeople: () => void;
}

/** One room on the organiser's dashboard: who leads it, where it stands, who is there, what it has written. */
export function RoomCard({ room, towns, onPeople }: Props) {
  const { t } = useI18n();
  const gone = room.state === 'gone';
  return (
    <article className={`o-room${room.closed ? ' o-room--closed' : ''}`} data-room={room.code} aria-labelledby={`room-${room.roomId}`}>
      <header className="o-room__head">
        <h2 id={`room-${room.roomId}`} className="o-room__region">
          {room.region}
        </h2>
        <p className="o-room__where">
          {room.town}
          {room.host && <span> · {t('seriesHost', { name: room.host })}</span>}
        </p>
        <p className="o-room__code">
          {t('seriesCode')} <strong>{room.code}</strong>
          {room.closed && <span className="o-room__flag">{t('seriesClosed')}</span>}
        </p>
      </header>
      {gone ? (
        <p className="o-room__gone">{t('seriesGone')}</p>
      ) : (
        <RoomLive code={room.code}>
          <RoomNow towns={towns} onPeople={onPeople} />
        </RoomLive>
      )}
      <nav className="o-room__links" aria-label={t('seriesLinksFor', { region: room.region })}>
        <a href={`/s/${room.code}`} target="_blank" rel="noreferrer">
          {t('seriesLinkScreen')}
        </a>
        <a href={`/j/${room.code}`} target="_blank" rel="noreferrer">
          {t('seriesLinkJoin')}
        </a>
        {/* The console asks for the host's key, which only the host has: the link carries nothing secret. */}
        <a href={`/f/${room.code}`} target="_blank" rel="noreferrer" title={t('seriesLinkConsoleHint')}>
          {t('seriesLinkConsole')}
        </a>
      </nav>
    </article>
  );
}

function RoomNow({ towns, onPeople }: Pick<Props, 'towns' | 'onPeople'>) {
  const { t } = useI18n();
  const { view, step, tally, offset, status, refusal } = useRoom();
  const people = tally?.participants ?? 0;
  useEffect(() => {
    if (people > 0) onPeople();
  }, [people, onPeople]);
  if (refusal) return <p className="o-room__gone">{t('seriesRoomRefused')}</p>;
  if (!view || !step) return <p className="muted">{t('loading')}</p>;
  const visible = view.ideas.filter((i) => !i.hidden);
  return (
    <div className="o-room__live">
      {status === 'offline' && <p className="o-room__offline">{t('seriesOffline')}</p>}
      <div className="o-room__now">
        <p className="o-room__step" data-step-index={view.stepIndex}>
          <span className="muted">{t('step', { n: view.stepIndex + 1, total: view.agenda.length })}</span> <strong>{step.title}</strong>
        </p>
        <Timer timer={view.timer} offset={offset} className="o-room__timer" />
      </div>
      <p className="o-room__people" data-people={people}>
        {t('seriesPeople', { online: tally?.online ?? 0, total: people })}
      </p>
      <p className="o-room__towns">
        <span className="muted">{t('town')}:</span> {towns && towns.length > 0 ? towns.join(', ') : '–'}
      </p>
      <h3 className="o-room__notes-title">{t('seriesNotes', { n: visible.length })}</h3>
      <ul className="o-room__questions">
        {view.boards.map((b, i) => (
          <Question key={b.id} title={b.title} index={i} color={b.color} ideas={visible.filter((x) => x.boardId === b.id)} />
        ))}
      </ul>
    </div>
  );
}

function Question({ title, index, color, ideas }: { title: string; index: number; color: string | undefined; ideas: IdeaView[] }) {
  const { t } = useI18n();
  const tips = ideas.filter((i) => i.tips).length;
  return (
    <li className="o-q" style={dimensionStyle(index, color)} data-question={index + 1} data-notes={ideas.length}>
      <details>
        <summary>
          <span className="o-q__title">{title}</span>
          <span className="o-q__count">
            <span aria-hidden="true">{ideas.length}</span>
            <span className="visually-hidden">{t('seriesNoteCount', { n: ideas.length })}</span>
          </span>
          {tips > 0 && <span className="o-q__tips">{t('seriesTipsCount', { n: tips })}</span>}
        </summary>
        {ideas.length === 0 ? (
          <p className="muted o-q__empty">{t('seriesNoNotes')}</p>
        ) : (
          <ul className="o-q__notes">
            {ideas.map((idea) => (
              <li key={idea.id} className="o-note" data-idea={idea.id}>
                {idea.text} <NoteBadges tips={idea.tips} category={idea.category} />
              </li>
            ))}
          </ul>
        )}
      </details>
    </li>
  );
}
