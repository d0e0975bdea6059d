import { useI18n } from '../../i18n/index.ts';
import { qrUrl } from '../../lib/api.ts';
import { useFokus } from '../../store/context.tsx';
import { selectView } from '../../store/selectors.ts';
import { GroundRules } from '../../ui/ground-rules.tsx';
import { GroupsPanel } from './groups-panel.tsx';

/**
 * Lobby: the QR code is the largest thing; the short URL and code in huge type; the count ticks up; the ground rules
 * are up from the start. Once the facilitator splits the room, the groups and their members fill the bottom.
 */
export function Lobby() {
  const { t } = useI18n();
  const view = useFokus(selectView);
  const joined = useFokus((s) => s.tally?.participants ?? 0);
  if (!view) return null;
  const grouped = view.groups.length > 0;
  return (
    <section className={`lobby${grouped ? ' lobby--groups' : ''}`}>
      <div className="lobby__qr">
        <img src={qrUrl(view.code)} alt={t('qrAlt')} width={760} height={760} />
      </div>
      <div className="lobby__side">
        <h1 className="lobby__title">{view.title}</h1>
        <div className="lobby__join">
          <p className="lobby__label">{t('joinAt')}</p>
          <p className="lobby__url">{location.host}/j</p>
          <p className="lobby__label">{t('codeLabel')}</p>
          <p className="lobby__code">{view.code}</p>
        </div>
        <p className="lobby__count" aria-live="polite">
          <span key={joined} className="lobby__count-n">
            {joined}
          </span>{' '}
          {t('joinedCount', { n: '' }).trim()}
        </p>
        <GroundRules rules={view.rules} values={view.values} className="lobby__rules" />
      </div>
      {grouped && <GroupsPanel groups={view.groups} className="groups--lobby" />}
    </section>
  );
}
