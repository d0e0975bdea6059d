import { useI18n } from '../../i18n/index.ts';
import { useFokus } from '../../store/context.tsx';
import { selectMe, selectView } from '../../store/selectors.ts';
import { GroundRules } from '../../ui/ground-rules.tsx';
import { GroupCard } from './group-card.tsx';

export function Lobby() {
  const { t } = useI18n();
  const view = useFokus(selectView);
  const me = useFokus(selectMe);
  return (
    <div className="stack">
      {me && <p className="lead">{t('youAre', { name: me.name })}</p>}
      <GroupCard />
      <p className="waiting">{t('waitingToStart')}</p>
      {view && <GroundRules rules={view.rules} values={view.values} />}
    </div>
  );
}
