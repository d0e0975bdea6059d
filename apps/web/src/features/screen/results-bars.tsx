import { useMemo, useRef } from 'react';
import { rankIdeas } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { useFokus } from '../../store/context.tsx';
import { selectTally, selectView } from '../../store/selectors.ts';
import { useFit } from './use-fit.ts';
import { useFlip } from './use-flip.ts';

const TOP = 10;

/** After reveal: bars with counts per dimension and the overall top list, re-ordering smoothly. */
export function ResultsBars() {
  const { t } = useI18n();
  const view = useFokus(selectView);
  const tally = useFokus(selectTally);
  const flipRef = useRef<HTMLDivElement>(null);
  useFlip(flipRef);
  const data = useMemo(() => {
    if (!view) return null;
    const tallies = tally?.tallies ?? {};
    const boardIndex = new Map(view.boards.map((b, i) => [b.id, i]));
    return {
      perBoard: view.boards.map((b) => rankIdeas(view.ideas, tallies, b.id)),
      overall: rankIdeas(view.ideas, tallies).filter((r) => r.dots > 0).slice(0, TOP),
      boardIndex,
      max: Math.max(1, ...Object.values(tallies).map((x) => x.dots)),
      text: new Map(view.ideas.map((i) => [i.id, i.text])),
    };
  }, [view, tally]);
  if (!view || !data) return null;
  return (
    <div className="results" ref={flipRef}>
      <div className="columns" style={{ gridTemplateColumns: `repeat(${view.boards.length}, minmax(0, 1fr))` }}>
        {view.boards.map((b, bi) => (
          <BarColumn key={b.id} title={b.title} index={bi} rows={data.perBoard[bi] ?? []} max={data.max} text={data.text} />
        ))}
      </div>
      <aside className="toplist" aria-labelledby="top-h">
        <h2 id="top-h" className="toplist__head">
          {t('overallTop')}
        </h2>
        <ol className="toplist__list">
          {data.overall.map((r) => (
            <li key={r.ideaId} data-flip={`top-${r.ideaId}`} className="toplist__row" style={dimensionStyle(data.boardIndex.get(r.boardId) ?? 0)}>
              <span className="toplist__rank">{r.rank}</span>
              <span className="toplist__text">{data.text.get(r.ideaId)}</span>
              <span className="toplist__dots">{r.dots}</span>
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}

function BarColumn({
  title,
  index,
  rows,
  max,
  text,
}: {
  title: string;
  index: number;
  rows: { ideaId: string; dots: number }[];
  max: number;
  text: Map<string, string>;
}) {
  const ref = useRef<HTMLOListElement>(null);
  useFit(ref, [rows], { twoColumnsBelow: 0.5 });
  return (
    <section className="column" style={dimensionStyle(index)} aria-label={title}>
      <h2 className="column__head">
        <span className="column__title">{title}</span>
      </h2>
      <ol ref={ref} className="column__ideas bars fit">
        {rows.map((r) => (
          <li key={r.ideaId} data-flip={r.ideaId} className="bar">
            <span className="bar__text">{text.get(r.ideaId)}</span>
            <span className="bar__track">
              <span className="bar__fill" style={{ width: `${(r.dots / max) * 100}%` }} />
              <span className="bar__count">{r.dots}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
