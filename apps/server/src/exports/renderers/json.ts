/** export.json: the documentation model itself (see Documentation in @fokus/report), with its schema version. */
import type { Renderer } from '../registry.ts';

export const jsonRenderer: Renderer = {
  format: 'json',
  mime: 'application/json; charset=utf-8',
  extension: 'json',
  render: (doc) => `${JSON.stringify(doc, null, 2)}\n`,
};
