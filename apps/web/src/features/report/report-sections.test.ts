import { describe, expect, it } from 'vitest';
import { buildDocumentation, documentBlocks } from '@fokus/report';
import { runScript, script2023 } from '../../../../../packages/report/src/test-workshops.ts';
import { asDocumentation, reportSections } from './report-sections.ts';

const doc = buildDocumentation(runScript(script2023()), { joinCode: 'ABC234', now: Date.UTC(2026, 11, 2, 12) });

describe('reportSections', () => {
  const blocks = documentBlocks(doc);
  const sections = reportSections(doc, blocks);

  it('keeps every block, in order, cut at the level 2 headings', () => {
    expect(sections.flatMap((s) => s.blocks)).toEqual(blocks);
    expect(sections[0]?.id).toBe('');
    for (const s of sections.slice(1)) expect(s.blocks[0]).toMatchObject({ type: 'heading', level: 2, text: s.title });
    expect(new Set(sections.map((s) => s.id)).size).toBe(sections.length);
  });

  it('starts the dimensions, the focus list and the plan on a page of their own, nothing else', () => {
    const breaks = sections.filter((s) => s.pageBreak).map((s) => s.title);
    expect(breaks).toEqual(['Identifiering och prioritering av möjliga samverkansområden', 'Fokus år 2023', 'Handlingsplan 2023']);
  });
});

describe('asDocumentation', () => {
  it('takes the model of this version and refuses anything else', () => {
    const wire: unknown = JSON.parse(JSON.stringify(doc));
    expect(asDocumentation(wire)?.title).toBe('Handlingsplan 2023');
    expect(asDocumentation({ ...doc, schemaVersion: 2 })).toBeNull();
    expect(asDocumentation({ ...doc, lang: 'de' })).toBeNull();
    expect(asDocumentation({ ...doc, plan: 'x' })).toBeNull();
    expect(asDocumentation(null)).toBeNull();
    expect(asDocumentation('doc')).toBeNull();
  });
});
