import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors } from '@dnd-kit/core';
import type { Announcements, DragEndEvent } from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.ts';

/**
 * A list ordered by drag (pointer) and by keyboard (the handle: Space lifts, arrows move, Space drops),
 * with "up" and "down" buttons beside every row for those who would rather press a button.
 * The new order is sent whole; the list shows the server's order, so a refused move springs back.
 */

export interface RowTools {
  handle: ReactNode;
  moveButtons: ReactNode;
}

interface Props<T extends { id: string }> {
  items: readonly T[];
  nameOf: (item: T) => string;
  onReorder: (ids: string[]) => void;
  renderRow: (item: T, index: number, tools: RowTools) => ReactNode;
  className?: string;
}

export function SortableList<T extends { id: string }>({ items, nameOf, onReorder, renderRow, className }: Props<T>) {
  const { t } = useI18n();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = items.map((i) => i.id);
  const name = (id: string | number) => {
    const item = items.find((i) => i.id === id);
    return item ? nameOf(item) : '';
  };
  const at = (id: string | number | undefined) => (id === undefined ? 0 : ids.indexOf(String(id)) + 1);
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('designDndPickedUp', { what: name(active.id) }),
    onDragOver: ({ active, over }) => t('designDndMoved', { what: name(active.id), n: at(over?.id), total: ids.length }),
    onDragEnd: ({ active, over }) => t('designDndDropped', { what: name(active.id), n: at(over?.id) }),
    onDragCancel: () => t('designDndCancelled'),
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    onReorder(arrayMove(ids, from, to));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('designDndInstructions') } }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol className={`d-sortable${className ? ` ${className}` : ''}`}>
          {items.map((item, index) => (
            <SortableRow key={item.id} id={item.id} handleLabel={t('designDragHandle', { what: nameOf(item) })}>
              {(handle) =>
                renderRow(item, index, {
                  handle,
                  moveButtons: (
                    <span className="d-move">
                      <button
                        type="button"
                        className="btn btn--small btn--ghost"
                        aria-label={t('designMoveUp', { what: nameOf(item) })}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="btn btn--small btn--ghost"
                        aria-label={t('designMoveDown', { what: nameOf(item) })}
                        disabled={index === items.length - 1}
                        onClick={() => move(index, index + 1)}
                      >
                        ↓
                      </button>
                    </span>
                  ),
                })
              }
            </SortableRow>
          ))}
        </ol>
      </SortableContext>
    </DndContext>
  );
}

function SortableRow({ id, handleLabel, children }: { id: string; handleLabel: string; children: (handle: ReactNode) => ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  const handle = (
    <button type="button" ref={setActivatorNodeRef} className="d-handle" {...attributes} {...listeners} aria-label={handleLabel}>
      <span aria-hidden="true">⠿</span>
    </button>
  );
  return (
    <li
      ref={setNodeRef}
      className={`d-sortable__row${isDragging ? ' d-sortable__row--dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
    >
      {children(handle)}
    </li>
  );
}
