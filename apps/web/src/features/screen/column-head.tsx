import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { PageInfo } from './use-paged-fit.ts';

/** Idea text is 28 px at 1080p; it may shrink to 20 px before a column starts paging. */
export const IDEA_FLOOR = 20 / 28;

/** A dimension's coloured head: its title, a count, and "1/2" while the column pages. */
export function ColumnHead({ id, title, count, page }: { id?: string; title: ReactNode; count?: ReactNode; page: PageInfo | undefined }) {
  const { t } = useI18n();
  const paged = page !== undefined && page.pages > 1;
  return (
    <h2 id={id} className="column__head">
      <span className="column__title">{title}</span>
      {count !== undefined && <span className="column__count">{count}</span>}
      {paged && (
        <span className="column__page">
          <span aria-hidden="true">
            {page.page}/{page.pages}
          </span>
          <span className="visually-hidden">{t('screenPage', { page: page.page, pages: page.pages })}</span>
        </span>
      )}
    </h2>
  );
}
