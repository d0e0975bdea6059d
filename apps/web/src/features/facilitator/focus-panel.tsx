import { Fragment, useEffect, useState } from 'react';
import type { FocusMode } from '@fokus/core';
import { useI18n } from '../../i18n/index.ts';
import { dimensionStyle } from '../../lib/colors.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectView } from '../../store/selectors.ts';
import { useFocusBoards } from '../../store/use-focus-boards.ts';

/** Threshold or top N per dimension; manual toggles; the cut line and ties shown. */
export function FocusPanel() {
  const { t } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  const [mode, setMode] = useState<FocusMode>(view?.focus.mode ?? 'threshold');
  const [value, setValue] = useState(String(view?.focus.value ?? 6));
  const current = view?.focus;
  useEffect(() => {
    if (!current) return;
    setMode(current.mode);
    setValue(String(current.value));
  }, [current]);
  const boards = useFocusBoards();
  if (!view) return null;
  const text = new Map(view.ideas.map((i) => [i.id, i.text]));
  const n = Number(value);
  return (
    <section className="panel" aria-labelledby="focus-h">
      <div className="panel__head">
        <h2 id="focus-h" className="panel-title">
          {t('focus')}
        </h2>
      </div>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (Number.isInteger(n)) send({ type: 'focus:suggest', mode, value: n });
        }}
      >
        <fieldset className="segmented">
          <legend className="visually-hidden">{t('focusMode')}</legend>
          <label className="check">
            <input type="radio" name="focus-mode" checked={mode === 'threshold'} onChange={() => setMode('threshold')} />
            <span>{t('focusThreshold')}</span>
          </label>
          <label className="check">
            <input type="radio" name="focus-mode" checked={mode === 'top'} onChange={() => setMode('top')} />
            <span>{t('focusTop')}</span>
          </label>
        </fieldset>
        <label className="inline-field">
          <span className="visually-hidden">{mode === 'top' ? t('focusTop') : t('focusThreshold')}</span>
          <input className="input input--num" type="number" min={mode === 'top' ? 1 : 0} value={value} onChange={(e) => setValue(e.target.value)} />
        </label>
        <button type="submit" className="btn btn--small btn--primary">
          {t('focusApply')}
        </button>
      </form>
      <div className="focus-grid">
        {boards.map((fb, bi) => {
          const ties = new Set(fb.tieAtCut);
          return (
            <section key={fb.boardId} className="idea-board" style={dimensionStyle(bi, view.boards[bi]?.color)} aria-label={view.boards[bi]?.title}>
              <h3 className="idea-board__head">{view.boards[bi]?.title}</h3>
              <ul className="mod-list">
                {fb.items.map((item, i) => (
                  <Fragment key={item.ideaId}>
                    {i === fb.cut && <li className="panel-cut">{t('cutLine')}</li>}
                    <li className={`focus-row${item.included ? ' focus-row--in' : ''}`}>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={item.included}
                          onChange={(e) => send({ type: 'focus:toggle', ideaId: item.ideaId, included: e.target.checked })}
                        />
                        <span>{text.get(item.ideaId)}</span>
                      </label>
                      <span className="focus-row__meta">
                        {ties.has(item.ideaId) && <span className="tag">{t('tied')}</span>}
                        {item.manual === 'added' && <span className="tag">{t('manualAdded')}</span>}
                        {item.manual === 'removed' && <span className="tag">{t('manualRemoved')}</span>}
                        <strong>{item.dots}</strong>
                      </span>
                    </li>
                  </Fragment>
                ))}
                {fb.cut === fb.items.length && fb.items.length > 0 && <li className="panel-cut">{t('cutLine')}</li>}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
