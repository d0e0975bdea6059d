import { useI18n } from '../i18n/index.ts';
import './note-marks.css';

/** What a note carries besides its text (the 2019 seed's "TIPS" and its groupings). */
export interface NoteMarks {
  tips: boolean;
  category: string | null;
}

/** The TIPS badge and the category, after a note's text; nothing when it has neither. */
export function NoteBadges({ tips, category, className = '' }: NoteMarks & { className?: string }) {
  const { t } = useI18n();
  if (!tips && !category) return null;
  return (
    <span className={`note-badges ${className}`}>
      {tips && <span className="note-tips">{t('noteTips')}</span>}
      {category && (
        <span className="note-cat" title={category.replaceAll('\u00AD', '')}>
          {category}
        </span>
      )}
    </span>
  );
}

/**
 * The writer's (on the phone) or the host's (in the console) controls: TIPS on and off, and a category when
 * the workshop has any. Each change is one `idea:mark`, sent at once.
 */
export function NoteMarkControls({
  idea,
  categories,
  onMark,
  disabled = false,
}: {
  idea: NoteMarks & { id: string; text: string };
  categories: readonly string[];
  onMark: (mark: { tips?: boolean; category?: string | null }) => void;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  // A category later dropped from the workshop's list stays shown on its note until changed.
  const options = idea.category && !categories.includes(idea.category) ? [...categories, idea.category] : categories;
  return (
    <span className="note-marks">
      <button
        type="button"
        className={`note-marks__tips${idea.tips ? ' note-marks__tips--on' : ''}`}
        aria-pressed={idea.tips}
        aria-label={t('noteTipsMarkNamed', { idea: idea.text })}
        title={t('noteTipsMark')}
        disabled={disabled}
        onClick={() => onMark({ tips: !idea.tips })}
      >
        {t('noteTips')}
      </button>
      {options.length > 0 && (
        <select
          className="note-marks__cat"
          aria-label={t('noteCategoryNamed', { idea: idea.text })}
          value={idea.category ?? ''}
          disabled={disabled}
          onChange={(e) => onMark({ category: e.target.value === '' ? null : e.target.value })}
        >
          <option value="">{t('noteNoCategory')}</option>
          {options.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      )}
    </span>
  );
}
