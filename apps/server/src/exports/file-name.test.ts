import { describe, expect, it } from 'vitest';
import { contentDisposition, fileName } from './file-name.ts';
import { doc2023, docEmpty, docHostile } from './test-docs.ts';

describe('file names', () => {
  it('names a file by title, plan year and meeting day', () => {
    const empty = docEmpty();
    expect(fileName({ ...empty, title: 'Handlingsplan', planYear: 2027, date: '2026-11-20' }, 'docx')).toBe('Handlingsplan-2027-2026-11-20.docx');
    // A title that names the year already is not given it twice.
    expect(fileName(doc2023(), 'pdf')).toBe('Handlingsplan-2023-2022-11-18.pdf');
    expect(fileName(doc2023(), 'ics', '2023-02-06')).toBe('Handlingsplan-2023-2022-11-18-2023-02-06.ics');
  });

  it('keeps letters and digits of any script and nothing that could break a header or a path', () => {
    const name = fileName(docHostile(), 'md');
    expect(name).toBe('Plan-script-alert-1-script-SUM-A1-2027-2026-11-20.md');
    const header = contentDisposition(fileName({ ...docEmpty(), title: 'Årsmöte "Göteborg"/Malmö', planYear: 2027, date: '2026-11-20' }, 'pdf'));
    expect(header).toBe(
      `attachment; filename="Arsmote-Goteborg-Malmo-2027-2026-11-20.pdf"; filename*=UTF-8''${encodeURIComponent('Årsmöte-Göteborg-Malmö-2027-2026-11-20.pdf')}`,
    );
    expect(header).toMatch(/^[\x20-\x7e]+$/);
  });
});
