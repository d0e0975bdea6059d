import { useState } from 'react';
import { useI18n } from '../../i18n/index.ts';
import { newId, randomSeed } from '../../realtime/ids.ts';
import { useFokus, useSession } from '../../store/context.tsx';
import { selectView } from '../../store/selectors.ts';

/** Random split into N groups, moving one person, and the presentation spotlight. */
export function GroupsPanel() {
  const { t } = useI18n();
  const { send } = useSession();
  const view = useFokus(selectView);
  const [n, setN] = useState(3);
  const [asking, setAsking] = useState(false);
  // Moving one person is rare once groups are dealt: one click away, so the groups stay a glance.
  const [moving, setMoving] = useState(false);
  if (!view) return null;
  const people = view.participants ?? [];
  const split = () => {
    const groups = Array.from({ length: n }, (_, i) => ({ id: newId(), name: t('groupName', { n: i + 1 }) }));
    send({ type: 'group:split', groups, seed: randomSeed() });
    setAsking(false);
  };
  const columns = [...view.groups.map((g) => ({ id: g.id as string | null, name: g.name })), { id: null, name: t('noGroup') }];
  return (
    <section className="panel" aria-labelledby="groups-h">
      <div className="panel__head">
        <h2 id="groups-h" className="panel-title">
          {t('groups')}
        </h2>
        <div className="inline-form">
          <label className="inline-field">
            <span>{t('groupCount')}</span>
            <input
              className="input input--num"
              type="number"
              min={1}
              max={50}
              value={n}
              onChange={(e) => setN(Math.max(1, Math.min(50, Number(e.target.value) || 1)))}
            />
          </label>
          {asking ? (
            <span className="confirm">
              <span className="confirm__q">{t('confirmSplit')}</span>
              <button type="button" className="btn btn--small btn--primary" onClick={split}>
                {t('confirm')}
              </button>
              <button type="button" className="btn btn--small" onClick={() => setAsking(false)}>
                {t('cancel')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="btn btn--small btn--primary"
              disabled={people.length === 0}
              onClick={() => (view.groups.length ? setAsking(true) : split())}
            >
              {t('splitGroups')}
            </button>
          )}
          {view.groups.length > 0 && (
            <button type="button" className="btn btn--small" aria-expanded={moving} aria-controls="groups-move" onClick={() => setMoving((m) => !m)}>
              {t('moveMembers')}
            </button>
          )}
        </div>
      </div>
      {view.groups.length > 0 && (
        <div className="group-grid">
          {columns.map((g) => {
            const members = people.filter((p) => p.groupId === g.id);
            if (g.id === null && members.length === 0) return null;
            const spot = g.id !== null && view.spotlightGroupId === g.id;
            return (
              <div key={g.id ?? 'none'} className={`group-box${spot ? ' group-box--spot' : ''}`}>
                <div className="group-box__head">
                  <strong>{g.name}</strong>
                  <span className="muted">{members.length}</span>
                  {g.id !== null && (
                    <button
                      type="button"
                      className="btn btn--small btn--ghost"
                      aria-pressed={spot}
                      onClick={() => send({ type: 'presentation:spotlight', groupId: spot ? null : g.id })}
                    >
                      {spot ? t('spotlightNone') : t('spotlightGroup')}
                    </button>
                  )}
                </div>
                <p className="group-box__names">{members.map((p) => p.name).join(', ')}</p>
              </div>
            );
          })}
        </div>
      )}
      {moving && view.groups.length > 0 && (
        <ul id="groups-move" className="groups-move__list">
          {people.map((p) => (
            <li key={p.id}>
              <label className="member-move">
                <span>{p.name}</span>
                <select
                  className="input input--small"
                  aria-label={t('moveTo', { name: p.name })}
                  value={p.groupId ?? ''}
                  onChange={(e) => send({ type: 'group:assign', participantId: p.id, groupId: e.target.value || null })}
                >
                  {view.groups.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name}
                    </option>
                  ))}
                  <option value="">{t('noGroup')}</option>
                </select>
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
