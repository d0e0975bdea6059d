import { useState } from 'react';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/index.ts';
import { useI18n } from '../../i18n/index.ts';
import { useFokus } from '../../store/context.tsx';
import { selectView } from '../../store/selectors.ts';
import { BoardEditor } from './board-editor.tsx';
import { Preview } from './preview.tsx';
import { RulesEditor } from './rules-editor.tsx';
import { StepEditor } from './step-editor.tsx';
import { useUndo } from './use-undo.ts';
import { VotingDefaults } from './voting-defaults.tsx';
import { WorkshopFields } from './workshop-fields.tsx';
import './designer.css';

const TABS = ['workshop', 'boards', 'agenda', 'rules', 'voting', 'preview'] as const;
type Tab = (typeof TABS)[number];

/**
 * "Förbered": everything a facilitator prepares, edited live (every change is a command the room sees at
 * once), one part at a time so each form fits a laptop; "Ångra" takes the last change back.
 */
export default function DesignerView({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const view = useFokus(selectView);
  const { edit, undo, canUndo } = useUndo();
  const [tab, setTab] = useState<Tab>('workshop');
  if (!view) return null;
  const panels: Record<Tab, () => ReactNode> = {
    workshop: () => <WorkshopFields view={view} edit={edit} />,
    boards: () => <BoardEditor view={view} edit={edit} />,
    agenda: () => <StepEditor view={view} edit={edit} />,
    rules: () => <RulesEditor view={view} edit={edit} />,
    voting: () => <VotingDefaults view={view} edit={edit} />,
    preview: () => <Preview view={view} />,
  };
  return (
    <main className="designer" aria-labelledby="designer-h">
      <div className="designer__bar">
        <h2 id="designer-h" className="visually-hidden">
          {t('designHeading')}
        </h2>
        <div className="designer__tabs" role="tablist" aria-label={t('designHeading')}>
          {TABS.map((id) => (
            <button
              key={id}
              type="button"
              role="tab"
              id={`d-tab-${id}`}
              aria-selected={tab === id}
              aria-controls="d-panel"
              className="designer__tab"
              onClick={() => setTab(id)}
            >
              {t(`designTab_${id}` satisfies MessageKey)}
            </button>
          ))}
        </div>
        <button type="button" className="btn btn--small" disabled={!canUndo} onClick={undo} title={t('designUndoHint')}>
          ↶ {t('undo')}
        </button>
        <button type="button" className="btn btn--small btn--primary" onClick={onClose}>
          {t('designBack')}
        </button>
      </div>
      <div id="d-panel" role="tabpanel" aria-labelledby={`d-tab-${tab}`} className="designer__panel">
        {panels[tab]()}
      </div>
    </main>
  );
}
