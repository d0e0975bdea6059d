import type { GroupView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';

/** The group split on the wall: every group with its members, so each person finds their table. */
export function GroupsPanel({ groups, className = '' }: { groups: readonly GroupView[]; className?: string }) {
  const { t } = useI18n();
  if (groups.length === 0) return null;
  return (
    <section className={`groups ${className}`} aria-labelledby="groups-h">
      <h2 id="groups-h" className="groups__head">
        {t('screenGroups')}
      </h2>
      <ul className="groups__list" style={{ gridTemplateColumns: `repeat(${Math.min(groups.length, 4)}, minmax(0, 1fr))` }}>
        {groups.map((g) => (
          <li key={g.id} className="groups__group">
            <h3 className="groups__name">
              {g.name} <span className="groups__size">{g.size}</span>
            </h3>
            <p className="groups__members">{(g.members ?? []).join(', ') || t('screenGroupEmpty')}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
