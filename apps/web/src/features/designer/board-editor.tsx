import { useState } from 'react';
import { BOARD_COLORS, LIMITS } from '@fokus/core';
import type { WorkshopView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { newId } from '../../realtime/ids.ts';
import { ListEditor, TextField, AddRow, FieldError } from './fields.tsx';
import { colorOf } from './inverse.ts';
import type { RowTools } from './sortable-list.tsx';
import { SortableList } from './sortable-list.tsx';
import type { Edit } from './use-undo.ts';

type BoardView = WorkshopView['boards'][number];

/** The boards (dimensions): title, purpose, guiding questions, colour; order by drag, keyboard or buttons. */
export function BoardEditor({ view, edit }: { view: WorkshopView; edit: Edit }) {
  const { t } = useI18n();
  const [addRefusal, setAddRefusal] = useState<string | null>(null);
  const add = () => {
    setAddRefusal(null);
    const title = t('designNewBoard', { n: view.boards.length + 1 });
    edit({ type: 'board:add', board: { id: newId(), title, purpose: '', questions: [] } }, setAddRefusal);
  };
  return (
    <section className="d-section" aria-labelledby="d-boards-h">
      <div className="d-section__head">
        <h2 id="d-boards-h" className="panel-title">
          {t('designTab_boards')}
        </h2>
        <p className="muted">{t('designBoardsHint')}</p>
      </div>
      <SortableList
        items={view.boards}
        nameOf={(b) => b.title}
        onReorder={(boardIds) => edit({ type: 'board:reorder', boardIds })}
        renderRow={(board, index, tools) => (
          <BoardCard
            board={board}
            index={index}
            ideas={view.ideas.filter((i) => i.boardId === board.id).length}
            last={view.boards.length === 1}
            edit={edit}
            tools={tools}
          />
        )}
      />
      <AddRow label={t('designAddBoard')} disabled={view.boards.length >= LIMITS.boards} onAdd={add} refusal={addRefusal} />
    </section>
  );
}

interface CardProps {
  board: BoardView;
  index: number;
  ideas: number;
  last: boolean;
  edit: Edit;
  tools: RowTools;
}

function BoardCard({ board, index, ideas, last, edit, tools }: CardProps) {
  const { t } = useI18n();
  const [deleteRefusal, setDeleteRefusal] = useState<string | null>(null);
  const update = (patch: Omit<Extract<Parameters<Edit>[0], { type: 'board:update' }>, 'type' | 'boardId'>, done: (r: string | null) => void) =>
    edit({ type: 'board:update', boardId: board.id, ...patch }, done);
  const color = colorOf(board.color);
  return (
    <article className="d-card" aria-label={board.title}>
      <div className="d-card__bar">
        {tools.handle}
        <span className="d-card__no">{index + 1}</span>
        <span className="d-swatch" style={dimensionStyle(index, color)} aria-hidden="true" />
        <strong className="d-card__name">{board.title}</strong>
        {ideas > 0 && <span className="tag">{t('designBoardIdeas', { n: ideas })}</span>}
        {tools.moveButtons}
        <button
          type="button"
          className="btn btn--small btn--ghost btn--danger"
          disabled={last}
          onClick={() => {
            setDeleteRefusal(null);
            edit({ type: 'board:delete', boardId: board.id }, setDeleteRefusal);
          }}
        >
          {t('designDeleteBoard')}
        </button>
      </div>
      <FieldError message={deleteRefusal} />
      <div className="d-card__grid d-card__grid--board">
        <TextField
          label={t('designBoardTitle')}
          value={board.title}
          maxLength={LIMITS.boardTitle}
          required
          onCommit={(title, done) => update({ title }, done)}
        />
        <ColorField value={color} onChange={(c) => update({ color: c }, () => {})} />
        <TextField
          label={t('designBoardPurpose')}
          value={board.purpose}
          maxLength={LIMITS.boardPurpose}
          multiline
          className="d-board__purpose"
          onCommit={(purpose, done) => update({ purpose }, done)}
        />
        <div className="d-board__questions">
          <ListEditor
            legend={t('designQuestions')}
            items={board.questions}
            max={LIMITS.questions}
            maxLength={LIMITS.question}
            itemLabel={(n) => t('designQuestionN', { n })}
            addLabel={t('designAddQuestion')}
            onCommit={(questions, done) => update({ questions }, done)}
          />
        </div>
      </div>
    </article>
  );
}

function ColorField({ value, onChange }: { value: ReturnType<typeof colorOf>; onChange: (c: ReturnType<typeof colorOf>) => void }) {
  const { t } = useI18n();
  return (
    <label className="field d-field">
      <span className="field__label">{t('designColor')}</span>
      <select className="input input--small" value={value} onChange={(e) => onChange(colorOf(e.target.value))}>
        <option value="">{t('designColorAuto')}</option>
        {BOARD_COLORS.map((c) => (
          <option key={c} value={c}>
            {t(`color_${c}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
