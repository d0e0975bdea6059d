import { useI18n } from '../../i18n/index.ts';
import type { Lang } from '../../i18n/index.ts';
import { useFokus } from '../../store/context.tsx';
import { selectMe } from '../../store/selectors.ts';

/** "Pia, David och Isabel": the list the way the language says it. */
function listOf(names: string[], lang: Lang): string {
  try {
    return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** Which group am I in, and with whom: said on every phone once the facilitator has split the room. */
export function GroupCard() {
  const { t, lang } = useI18n();
  const me = useFokus(selectMe);
  const groups = useFokus((s) => s.view?.groups);
  if (!me || !groups || groups.length === 0) return null;
  const group = groups.find((g) => g.id === me.groupId);
  // The key restarts the arrival animation when the split deals this person into another group.
  return (
    <section key={group?.id ?? 'none'} className={`group-card${group ? ' group-card--in' : ''}`} role="status" aria-label={t('yourGroup')}>
      {group ? (
        <p className="group-card__line">
          {(() => {
            const others = me.groupMembers.filter((n) => n !== me.name);
            return others.length > 0 ? t('groupWith', { group: group.name, names: listOf(others, lang) }) : t('groupAlone', { group: group.name });
          })()}
        </p>
      ) : (
        <p className="muted">{t('noGroupYet')}</p>
      )}
    </section>
  );
}
