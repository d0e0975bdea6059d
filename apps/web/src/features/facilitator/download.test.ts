import { describe, expect, it } from 'vitest';
import { fileNameFrom } from './download.ts';

describe('fileNameFrom', () => {
  it.each([
    [`attachment; filename="Handlingsplan-2027-2026-11-20.docx"; filename*=UTF-8''Handlingsplan-2027-2026-11-20.docx`, 'Handlingsplan-2027-2026-11-20.docx'],
    // The UTF-8 name wins over the ASCII one.
    [`attachment; filename="Malmo-Citysamverkan.pdf"; filename*=UTF-8''Malm%C3%B6-Citysamverkan.pdf`, 'Malmö-Citysamverkan.pdf'],
    ['attachment; filename="fokus-ABC234.md"', 'fokus-ABC234.md'],
    ['attachment; filename=plan.csv', 'plan.csv'],
    ['attachment; filename="a \\"quoted\\" name.txt"', 'a "quoted" name.txt'],
    // A broken encoding falls back to the plain name; a path keeps only its last part.
    [`attachment; filename="plain.ics"; filename*=UTF-8''%E0%A4%A.ics`, 'plain.ics'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename=".."', null],
    ['attachment', null],
    [null, null],
  ])('%s', (header, name) => expect(fileNameFrom(header)).toBe(name));
});
