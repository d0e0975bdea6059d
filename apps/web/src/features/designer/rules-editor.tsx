import { LIMITS } from '@fokus/core';
import type { WorkshopView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { ListEditor } from './fields.tsx';
import type { Edit } from './use-undo.ts';

/**
 * Ground rules and values, the lists the lobby and the screen show before the work starts; and the categories a
 * note can be filed under ("Förbättringar", "Utmaningar"), as a question round's notes are.
 */
export function RulesEditor({ view, edit }: { view: WorkshopView; edit: Edit }) {
  const { t } = useI18n();
  return (
    <section className="d-section" aria-labelledby="d-rules-h">
      <div className="d-section__head">
        <h2 id="d-rules-h" className="panel-title">
          {t('designTab_rules')}
        </h2>
      </div>
      <div className="d-columns">
        <div className="d-card">
          <ListEditor
            legend={t('designRules')}
            items={view.rules}
            max={LIMITS.rules}
            maxLength={LIMITS.rule}
            itemLabel={(n) => t('designRuleN', { n })}
            addLabel={t('designAddRule')}
            onCommit={(rules, done) => edit({ type: 'workshop:update', rules }, done)}
          />
        </div>
        <div className="d-card">
          <ListEditor
            legend={t('designValues')}
            items={view.values}
            max={LIMITS.rules}
            maxLength={LIMITS.rule}
            itemLabel={(n) => t('designValueN', { n })}
            addLabel={t('designAddValue')}
            onCommit={(values, done) => edit({ type: 'workshop:update', values }, done)}
          />
        </div>
        <div className="d-card">
          <ListEditor
            legend={t('designCategories')}
            items={view.categories}
            max={LIMITS.categories}
            maxLength={LIMITS.category}
            itemLabel={(n) => t('designCategoryN', { n })}
            addLabel={t('designAddCategory')}
            onCommit={(categories, done) => edit({ type: 'workshop:update', categories }, done)}
          />
        </div>
      </div>
    </section>
  );
}
