import type { Block, Cell, Column, DocMonth, Run, Words } from '@fokus/report';
import { calendarLines } from '@fokus/report';
import type { Section } from './report-sections.ts';

/** A line of runs: bold focus themes, grey notes, as in the DOCX and PDF. */
function Runs({ runs }: { runs: readonly Run[] }) {
  return (
    <>
      {runs.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: runs are a fixed sequence, never reordered
        <span key={i} className={r.muted ? 'report-muted' : undefined}>
          {r.bold ? <strong>{r.italic ? <em>{r.text}</em> : r.text}</strong> : r.italic ? <em>{r.text}</em> : r.text}
        </span>
      ))}
    </>
  );
}

function CellView({ cell }: { cell: Cell }) {
  return (
    <>
      {cell.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one cell, in order
        <div key={i}>
          <Runs runs={line} />
        </div>
      ))}
    </>
  );
}

function Table({ columns, rows }: { columns: readonly Column[]; rows: readonly Cell[][] }) {
  const total = columns.reduce((sum, c) => sum + c.width, 0) || 1;
  return (
    <table className="report-table">
      <colgroup>
        {columns.map((c) => (
          <col key={c.title} style={{ width: `${(100 * c.width) / total}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.title} scope="col" className={c.numeric ? 'report-num' : undefined}>
              {c.title}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a printed table, never reordered
          <tr key={r}>
            {row.map((cell, c) => (
              <td key={columns[c]?.title ?? c} className={columns[c]?.numeric ? 'report-num' : undefined}>
                <CellView cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The seed's year calendar: thirteen months in a grid, each with its meetings' lines. */
function Calendar({ months, w }: { months: readonly DocMonth[]; w: Words }) {
  return (
    <ol className="report-calendar">
      {months.map((m) => (
        <li key={m.month} className="report-calendar__month" data-month={m.month}>
          <h4 className="report-calendar__name">{m.label}</h4>
          {m.rows.map((row) => (
            <div key={row.id} className={`report-calendar__meeting report-calendar__meeting--${row.kind}`}>
              {calendarLines(row, w).map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the lines of one meeting, in order
                <div key={i}>
                  <Runs runs={line} />
                </div>
              ))}
            </div>
          ))}
        </li>
      ))}
    </ol>
  );
}

function Contents({ title, sections }: { title: string; sections: readonly Section[] }) {
  return (
    <nav className="report-contents" aria-label={title}>
      <h2 className="report-contents__title">{title}</h2>
      <ol>
        {sections
          .filter((s) => s.id !== '')
          .map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
      </ol>
    </nav>
  );
}

export function BlockView({ block, w, sections, anchor }: { block: Block; w: Words; sections: readonly Section[]; anchor?: string }) {
  switch (block.type) {
    case 'heading': {
      const H = `h${block.level}` as const;
      return <H id={anchor}>{block.text}</H>;
    }
    case 'paragraph':
      return (
        <p>
          <Runs runs={block.runs} />
        </p>
      );
    case 'list': {
      const items = block.items.map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a printed list, in ranking order
        <li key={i}>
          <Runs runs={item} />
        </li>
      ));
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return <Table columns={block.columns} rows={block.rows} />;
    case 'calendar':
      return <Calendar months={block.months} w={w} />;
    case 'contents':
      return <Contents title={block.title} sections={sections} />;
  }
}
