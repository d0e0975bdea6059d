import { useState } from 'react';
import { LIMITS } from '@fokus/core';
import type { StepKind } from '@fokus/core';
import type { WorkshopView } from '@fokus/protocol';
import { useI18n } from '../../i18n/index.ts';
import { newId } from '../../realtime/ids.ts';
import { NumberField, TextField, AddRow, FieldError } from './fields.tsx';
import type { RowTools } from './sortable-list.tsx';
import { SortableList } from './sortable-list.tsx';
import { useLatestSent } from './use-latest-sent.ts';
import type { Edit } from './use-undo.ts';

type StepView = WorkshopView['agenda'][number];
type Phase = NonNullable<StepView['phases']>[number];

const KINDS: readonly StepKind[] = ['lobby', 'brainstorm', 'present', 'reflect', 'vote', 'focus', 'plan'];
/** The protocol's limit on a phase's words ("enskilt", "diskussion"). */
const PHASE_TITLE_MAX = 60;

/** The agenda: one row per step, opened one at a time to edit; the step the room is on is marked and stays. */
export function StepEditor({ view, edit }: { view: WorkshopView; edit: Edit }) {
  const { t } = useI18n();
  const [open, setOpen] = useState<string | null>(null);
  const [addRefusal, setAddRefusal] = useState<string | null>(null);
  const add = () => {
    const id = newId();
    setAddRefusal(null);
    edit({ type: 'step:add', step: { id, kind: 'brainstorm', title: t('designNewStep'), prompt: '', minutes: 10 } }, (r) => {
      setAddRefusal(r);
      if (!r) setOpen(id);
    });
  };
  const total = view.agenda.reduce((sum, s) => sum + s.minutes, 0);
  return (
    <section className="d-section" aria-labelledby="d-agenda-h">
      <div className="d-section__head">
        <h2 id="d-agenda-h" className="panel-title">
          {t('designTab_agenda')}
        </h2>
        <p className="muted">{t('designAgendaTotal', { n: view.agenda.length, minutes: total })}</p>
      </div>
      <SortableList
        items={view.agenda}
        nameOf={(s) => s.title}
        onReorder={(stepIds) => edit({ type: 'step:reorder', stepIds })}
        renderRow={(step, index, tools) => (
          <StepCard
            step={step}
            index={index}
            current={index === view.stepIndex}
            open={open === step.id}
            onToggle={() => setOpen((o) => (o === step.id ? null : step.id))}
            edit={edit}
            tools={tools}
          />
        )}
      />
      <AddRow label={t('designAddStep')} disabled={view.agenda.length >= LIMITS.steps} onAdd={add} refusal={addRefusal} />
    </section>
  );
}

interface CardProps {
  step: StepView;
  index: number;
  current: boolean;
  open: boolean;
  onToggle: () => void;
  edit: Edit;
  tools: RowTools;
}

function StepCard({ step, index, current, open, onToggle, edit, tools }: CardProps) {
  const { t } = useI18n();
  const [deleteRefusal, setDeleteRefusal] = useState<string | null>(null);
  const [kindRefusal, setKindRefusal] = useState<string | null>(null);
  const update = (patch: Omit<Extract<Parameters<Edit>[0], { type: 'step:update' }>, 'type' | 'stepId'>, done: (r: string | null) => void) =>
    edit({ type: 'step:update', stepId: step.id, ...patch }, done);
  const phases = step.phases ?? [];
  const bodyId = `d-step-${step.id}`;
  return (
    <article className={`d-card d-card--step${current ? ' d-card--current' : ''}`} aria-label={step.title}>
      <div className="d-card__bar">
        {tools.handle}
        <span className="d-card__no">{index + 1}</span>
        <span className="tag">{t(`stepKind_${step.kind}`)}</span>
        <button type="button" className="d-card__toggle" aria-expanded={open} aria-controls={bodyId} onClick={onToggle}>
          <strong className="d-card__name">{step.title}</strong>
          <span className="muted d-card__minutes">
            {phases.length > 0
              ? phases.map((p) => t('designPhaseShort', { minutes: p.minutes, title: p.title })).join(' + ')
              : t('designMinutesShort', { n: step.minutes })}
          </span>
        </button>
        {current && <span className="tag tag--open">{t('designCurrentStep')}</span>}
        {tools.moveButtons}
        <button
          type="button"
          className="btn btn--small btn--ghost btn--danger"
          disabled={current}
          title={current ? t('error_step_current') : undefined}
          onClick={() => {
            setDeleteRefusal(null);
            edit({ type: 'step:delete', stepId: step.id }, setDeleteRefusal);
          }}
        >
          {t('designDeleteStep')}
        </button>
      </div>
      <FieldError message={deleteRefusal} />
      {open && (
        <div id={bodyId} className="d-card__grid d-card__grid--step">
          <label className="field d-field">
            <span className="field__label">{t('designStepKind')}</span>
            <select
              className="input input--small"
              value={step.kind}
              onChange={(e) => {
                const kind = KINDS.find((k) => k === e.target.value);
                if (kind) update({ kind }, setKindRefusal);
              }}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`stepKind_${k}`)}
                </option>
              ))}
            </select>
            {kindRefusal && (
              <span className="d-error" role="alert">
                {kindRefusal}
              </span>
            )}
          </label>
          <TextField
            label={t('designStepTitle')}
            value={step.title}
            maxLength={LIMITS.stepTitle}
            required
            onCommit={(title, done) => update({ title }, done)}
          />
          <NumberField
            label={t('designMinutes')}
            value={step.minutes}
            min={0}
            max={LIMITS.stepMinutes}
            disabled={phases.length > 0}
            hint={phases.length > 0 ? t('designMinutesFromPhases') : undefined}
            onCommit={(minutes, done) => minutes !== null && update({ minutes }, done)}
          />
          <TextField
            label={t('designStepPrompt')}
            value={step.prompt}
            maxLength={LIMITS.stepPrompt}
            multiline
            className="d-wide"
            onCommit={(prompt, done) => update({ prompt }, done)}
          />
          <PhasesEditor step={step} phases={phases} onCommit={(next, done) => update({ phases: next.length > 0 ? next : null }, done)} />
        </div>
      )}
    </article>
  );
}

function PhasesEditor({ step, phases, onCommit }: { step: StepView; phases: Phase[]; onCommit: (phases: Phase[], done: (r: string | null) => void) => void }) {
  const { t } = useI18n();
  const [refusal, setRefusal] = useState<string | null>(null);
  const list = useLatestSent(phases);
  const send = (change: (latest: Phase[]) => Phase[], done: (r: string | null) => void = setRefusal) => {
    setRefusal(null);
    list.send(change(list.latest()), onCommit, done);
  };
  // The first part keeps the step's length, so adding it changes nothing until its minutes are set.
  const addPhase = () =>
    send((latest) => [...latest, { title: t('designPhaseNew', { n: latest.length + 1 }), minutes: latest.length === 0 ? Math.max(1, step.minutes) : 5 }]);
  return (
    <fieldset className="d-list d-wide">
      <legend className="field__label">{t('designPhases')}</legend>
      <p className="field__hint">{t('designPhasesHint')}</p>
      <ol className="d-list__items">
        {phases.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a phase is its position in the step
          <li key={i} className="d-list__row d-phase">
            <NumberField
              label={t('designPhaseMinutes', { n: i + 1 })}
              value={p.minutes}
              min={1}
              max={LIMITS.stepMinutes}
              onCommit={(minutes, done) => minutes !== null && send((latest) => latest.map((x, j) => (j === i ? { ...x, minutes } : x)), done)}
            />
            <TextField
              label={t('designPhaseTitle', { n: i + 1 })}
              value={p.title}
              maxLength={PHASE_TITLE_MAX}
              required
              className="d-list__text"
              onCommit={(title, done) => send((latest) => latest.map((x, j) => (j === i ? { ...x, title } : x)), done)}
            />
            <button
              type="button"
              className="btn btn--small btn--ghost d-list__remove"
              aria-label={t('designRemoveItem', { what: t('designPhaseTitle', { n: i + 1 }) })}
              onClick={() => send((latest) => latest.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="btn btn--small" disabled={phases.length >= LIMITS.phases} onClick={addPhase}>
        + {t('designAddPhase')}
      </button>
      <FieldError message={refusal} />
    </fieldset>
  );
}
