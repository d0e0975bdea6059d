import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { Timer } from '../../ui/timer.tsx';
import { useWakeLock } from '../../ui/use-wake-lock.ts';
import { NoteBadges } from '../../ui/note-marks.tsx';
import { useHyphenator } from '../screen/use-hyphenator.ts';
import { usePagedFit } from '../screen/use-paged-fit.ts';
import { LATEST, usePlenaryChoice } from './plenary-choice.ts';
import { newestFirst, RoomLive, useRoom } from './room-live.tsx';
import type { SeriesOverview, SeriesRoom } from './series-api.ts';

/** The smallest note size on the plenary (22 px at 1920×1080) before a room's list pages instead. */
const NOTE_FLOOR = 22 / 30;
/** "Latest notes": about what fills a column (narrower with more rooms); older ones are on the dashboard. */
const latestCount = (rooms: number) => (rooms > 4 ? 6 : 12);

/** "Värmland/Dalsland" may break after the slash: hyphenation patterns see one word there and leave it whole. */
const breakable = (text: string) => text.replaceAll('/', '/\u200B');

/**
 * The plenary projector (`/o/SERIES/skarm`): every room side by side, read from across a hall. Per room its
 * region, step, timer and head count, and the notes of the question the dashboard chose (or the newest of any).
 */
export function Plenary({ series }: { series: SeriesOverview }) {
  const { t } = useI18n();
  const [choice] = usePlenaryChoice(series.seriesId);
  const question = series.questions.find((q) => q.boardId === choice) ?? null;
  const rooms = series.rooms.filter((r) => r.state !== 'gone' && !r.closed);
  useWakeLock(true);
  useEffect(() => {
    document.documentElement.classList.add('screen-mode');
    return () => document.documentElement.classList.remove('screen-mode');
  }, []);
  return (
    <div className="plenary" data-choice={question ? question.boardId : LATEST}>
      <header className="plenary__head">
        <h1 className="plenary__title">{series.title}</h1>
        <p className="plenary__question">{question ? question.title : t('seriesLatest')}</p>
      </header>
      <main className="plenary__rooms" style={{ gridTemplateColumns: `repeat(${Math.max(rooms.length, 1)}, minmax(0, 1fr))` }}>
        {rooms.map((room) => (
          <RoomLive key={room.roomId} code={room.code}>
            <PlenaryRoom room={room} boardId={question?.boardId ?? null} latest={latestCount(rooms.length)} />
          </RoomLive>
        ))}
      </main>
    </div>
  );
}

function PlenaryRoom({ room, boardId, latest }: { room: SeriesRoom; boardId: string | null; latest: number }) {
  const { t, lang } = useI18n();
  const { view, step, tally, offset } = useRoom();
  const listRoot = useRef<HTMLDivElement>(null);
  // Each room fits its own list: a room that re-renders measures only itself.
  const [page] = usePagedFit(listRoot, { floor: NOTE_FLOOR });
  const hy = useHyphenator(view?.lang ?? lang);
  const all = view ? newestFirst(view.ideas) : [];
  const notes = boardId ? all.filter((i) => i.boardId === boardId) : all.slice(0, latest);
  const boardIndex = new Map(view?.boards.map((b, i) => [b.id, i + 1]) ?? []);
  return (
    <section className="p-room" data-room={room.code} aria-labelledby={`p-${room.roomId}`}>
      <header className="p-room__head">
        <h2 id={`p-${room.roomId}`} className="p-room__region">
          {hy(breakable(room.region))}
        </h2>
        <p className="p-room__town">
          {hy(breakable(room.town))} ·{' '}
          <span className="p-room__people" data-people={tally?.participants ?? 0}>
            {t('seriesPlenaryPeople', { n: tally?.participants ?? 0 })}
          </span>
        </p>
        <div className="p-room__now">
          <span className="p-room__step">{step ? hy(step.title) : '…'}</span>
          {view && <Timer timer={view.timer} offset={offset} className="p-room__timer" />}
        </div>
      </header>
      <div className="p-room__notes" ref={listRoot}>
        <ul className="p-room__list" data-fit="">
          {notes.map((idea) => (
            <li key={idea.id} className="p-note" data-idea={idea.id}>
              {!boardId && <span className="p-note__q">{boardIndex.get(idea.boardId)}</span>} {hy(idea.text)}{' '}
              <NoteBadges tips={idea.tips} category={idea.category ? hy(idea.category) : null} />
            </li>
          ))}
        </ul>
        {notes.length === 0 && <p className="p-room__empty">{t('seriesNoNotes')}</p>}
        {page && page.pages > 1 && <p className="p-room__page">{t('seriesPage', { page: page.page, pages: page.pages })}</p>}
      </div>
    </section>
  );
}
