import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { NextThemeCard } from './next-theme-card.tsx';
import { LATEST, usePlenaryChoice } from './plenary-choice.ts';
import { RoomCard } from './room-card.tsx';
import type { SeriesOverview } from './series-api.ts';
import { fetchTowns } from './series-api.ts';

/** Head counts change in bursts (a room of 15 joining): the towns are read once the burst settles. */
const TOWNS_SETTLE_MS = 800;

/** The organiser's dashboard: every room of the series live, and the switch for the plenary projector. */
export function Dashboard({ series, organiserKey }: { series: SeriesOverview; organiserKey: string }) {
  const { t } = useI18n();
  const towns = useTowns(series.seriesId, organiserKey);
  const [choice, choose] = usePlenaryChoice(series.seriesId);
  // A host's correction of a town changes no head count: each periodic re-read of the series (a new object) re-reads them.
  const refreshTowns = towns.refresh;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `series` is the trigger, not an input
  useEffect(() => refreshTowns(), [series, refreshTowns]);
  return (
    <div className="o-page">
      <header className="o-head">
        <div>
          <h1 className="o-head__title">{series.title}</h1>
          <p className="o-head__meta">
            {series.theme && <span>{series.theme} · </span>}
            {series.date} · {t('seriesRooms', { n: series.rooms.length })}
          </p>
        </div>
        <div className="o-head__plenary">
          <label className="inline-field">
            <span>{t('seriesPlenaryShows')}</span>
            <select className="input input--small" value={choice} onChange={(e) => choose(e.target.value)}>
              <option value={LATEST}>{t('seriesLatest')}</option>
              {series.questions.map((q, i) => (
                <option key={q.boardId} value={q.boardId}>
                  {i + 1}. {q.title}
                </option>
              ))}
            </select>
          </label>
          <a className="btn btn--small btn--primary" href={`/o/${encodeURIComponent(series.seriesId)}/skarm`} target="_blank" rel="noreferrer">
            {t('seriesOpenPlenary')}
          </a>
        </div>
      </header>
      <main className="o-rooms">
        {series.rooms.map((room) => (
          <RoomCard key={room.roomId} room={room} towns={towns.get(room.roomId)} onPeople={towns.refresh} />
        ))}
      </main>
      {/* The vote on the next theme ends the day: after the rooms, so six of them still fit one 1080p screen. */}
      <NextThemeCard series={series} organiserKey={organiserKey} />
    </div>
  );
}

/** roomId -> towns of its participants, re-read (debounced) whenever a room's head count changes. */
function useTowns(seriesId: string, key: string) {
  const [towns, setTowns] = useState<Map<string, string[]>>(() => new Map());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refresh = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void fetchTowns(seriesId, key).then((next) => next && setTowns(next));
    }, TOWNS_SETTLE_MS);
  }, [seriesId, key]);
  useEffect(() => {
    refresh();
    return () => clearTimeout(timer.current);
  }, [refresh]);
  return { get: (roomId: string) => towns.get(roomId), refresh };
}
