import { useEffect, useMemo, useRef, useState } from 'react';
import { rankIdeas } from '@fokus/core';
import type { RankedIdea } from '@fokus/core';
import type { IdeaView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { useFokus } from '../../store/context.tsx';
import { selectTally, selectView } from '../../store/selectors.ts';
import { ColumnHead, IDEA_FLOOR } from './column-head.tsx';
import { useFlip } from './use-flip.ts';
import { useHyphenator } from './use-hyphenator.ts';
import { usePagedFit } from './use-paged-fit.ts';
import type { PageInfo } from './use-paged-fit.ts';

const TOP = 10;
/** How long the room sees the ideas in board order, bars empty, before they glide into rank order. */
const REVEAL_DELAY_MS = 600;

/**
 * After reveal: bars with dots and the people behind them per dimension, and the overall top list; every name in
 * full (wrapped, hyphenated, never cut). The bars glide into rank order (FLIP) when the tallies arrive.
 */
export function ResultsBars() {
  const { t, lang } = useI18n();
  const view = useFokus(selectView);
  const tally = useFokus(selectTally);
  const columnsRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLElement>(null);
  const flipRef = useRef<HTMLDivElement>(null);
  const pages = usePagedFit(columnsRef, { floor: IDEA_FLOOR });
  usePagedFit(topRef, { floor: IDEA_FLOOR });
  useFlip(flipRef);
  const hy = useHyphenator(view?.lang ?? lang);
  // The reveal: first the board as it was (creation order, empty bars), then the ranking.
  const [ranked, setRanked] = useState(false);
  useEffect(() => {
    const id = setTimeout(() => setRanked(true), REVEAL_DELAY_MS);
    return () => clearTimeout(id);
  }, []);
  const data = useMemo(() => {
    if (!view) return null;
    const tallies = tally?.tallies ?? {};
    const bySeq = (rows: RankedIdea[]) => {
      const seq = new Map(view.ideas.map((i) => [i.id, i.seq]));
      return [...rows].sort((a, b) => (seq.get(a.ideaId) ?? 0) - (seq.get(b.ideaId) ?? 0));
    };
    return {
      perBoard: view.boards.map((b) => (ranked ? rankIdeas(view.ideas, tallies, b.id) : bySeq(rankIdeas(view.ideas, tallies, b.id)))),
      overall: ranked
        ? rankIdeas(view.ideas, tallies)
            .filter((r) => r.dots > 0)
            .slice(0, TOP)
        : [],
      boardOf: new Map(view.boards.map((b, i) => [b.id, { index: i, color: b.color }])),
      max: Math.max(1, ...Object.values(tallies).map((x) => x.dots)),
      ideas: new Map(view.ideas.map((i) => [i.id, i])),
    };
  }, [view, tally, ranked]);
  if (!view || !data) return null;
  const people = (r: RankedIdea) => (r.voters === 1 ? t('onePerson') : t('people', { n: r.voters }));
  return (
    <div className="results" ref={flipRef} data-ranked={ranked}>
      <div ref={columnsRef} className="columns" style={{ gridTemplateColumns: `repeat(${view.boards.length}, minmax(0, 1fr))` }}>
        {view.boards.map((b, bi) => (
          <BarColumn
            key={b.id}
            title={hy(b.title)}
            index={bi}
            color={b.color}
            rows={data.perBoard[bi] ?? []}
            max={ranked ? data.max : Number.POSITIVE_INFINITY}
            ideas={data.ideas}
            page={pages[bi]}
            hy={hy}
          />
        ))}
      </div>
      <aside ref={topRef} className="toplist" aria-labelledby="top-h">
        <h2 id="top-h" className="toplist__head">
          {t('overallTop')}
        </h2>
        <ol className="toplist__list" data-fit="">
          {data.overall.map((r, i) => {
            const idea = data.ideas.get(r.ideaId);
            return (
              <li
                key={r.ideaId}
                data-flip={`top-${r.ideaId}`}
                className="toplist__row"
                style={{ ...dimensionStyle(data.boardOf.get(r.boardId)?.index ?? 0, data.boardOf.get(r.boardId)?.color), animationDelay: `${i * 80}ms` }}
              >
                <span className="toplist__rank">{r.rank}</span>
                <span className="toplist__name">
                  <span className="toplist__text">{hy(idea?.text ?? '')}</span>
                  <span className="toplist__people">
                    {idea && <span className="s-no">#{idea.seq} · </span>}
                    {people(r)}
                  </span>
                </span>
                <span className="toplist__dots" title={t('dotsPeople', { dots: r.dots, people: people(r) })}>
                  {r.dots}
                </span>
              </li>
            );
          })}
        </ol>
      </aside>
    </div>
  );
}

function BarColumn({
  title,
  index,
  color,
  rows,
  max,
  ideas,
  page,
  hy,
}: {
  title: string;
  index: number;
  color: string | undefined;
  rows: RankedIdea[];
  max: number;
  ideas: Map<string, IdeaView>;
  page: PageInfo | undefined;
  hy: (text: string) => string;
}) {
  const { t } = useI18n();
  return (
    <section className="column" style={dimensionStyle(index, color)} aria-label={title}>
      <ColumnHead title={title} page={page} />
      <ol className="column__ideas bars" data-fit="">
        {rows.map((r) => {
          const idea = ideas.get(r.ideaId);
          const people = r.voters === 1 ? t('onePerson') : t('people', { n: r.voters });
          return (
            <li key={r.ideaId} data-flip={r.ideaId} data-idea={r.ideaId} className={`bar${r.dots === 0 ? ' bar--none' : ''}`}>
              <span className="bar__text">
                {idea && <span className="s-no">#{idea.seq}</span>} {hy(idea?.text ?? '')}
              </span>
              <span className="bar__count" title={t('dotsPeople', { dots: r.dots, people })}>
                {r.dots}
              </span>
              {r.dots > 0 && (
                <>
                  <span className="bar__track" aria-hidden="true">
                    <span className="bar__fill" style={{ width: `${(r.dots / max) * 100}%` }} />
                  </span>
                  <span className="bar__people">{t('peopleShort', { n: r.voters })}</span>
                </>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
