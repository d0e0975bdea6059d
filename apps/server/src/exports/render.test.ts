import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { describe, expect, it } from 'vitest';
import type { Actor, Command, Workshop } from '@fokus/core';
import { decide, evolve, templateContent } from '@fokus/core';
import { toCsv, toJson, toMarkdown } from './render.ts';

const fac: Actor = { role: 'facilitator' };

function workshop(): Workshop {
  const t = templateContent('handlingsplan', 'sv');
  let s: Workshop | null = null;
  const run = (c: Command, actor: Actor = fac) => {
    const d = decide(s, c, actor, 1);
    if (!d.ok) throw new Error(d.error.message);
    for (const e of d.value) s = evolve(s, e);
  };
  run({ type: 'workshop:create', workshopId: 'w', lang: 'sv', template: 'handlingsplan', ...t, title: 'Handlingsplan 2023' }, { role: 'system' });
  run({ type: 'participant:join', participantId: 'p1', name: 'Pia', organisation: '', tokenHash: 'h1' }, { role: 'system' });
  run({ type: 'participant:join', participantId: 'p2', name: 'Björn', organisation: '', tokenHash: 'h2' }, { role: 'system' });
  run({ type: 'idea:add', ideaId: 'a', boardId: 'omvarld', text: 'Studieresa' });
  run({ type: 'idea:add', ideaId: 'b', boardId: 'gemensamt', text: 'Politisk påverkan', details: 'lobbying, "PM"' });
  run({ type: 'idea:add', ideaId: 'c', boardId: 'gemensamt', text: '=cmd|x' });
  run({ type: 'voting:open' });
  for (let i = 0; i < 7; i++) run({ type: 'vote:add', ideaId: 'a' }, { role: 'participant', participantId: i < 4 ? 'p1' : 'p2' });
  for (let i = 0; i < 5; i++) run({ type: 'vote:add', ideaId: 'b' }, { role: 'participant', participantId: 'p2' });
  run({ type: 'focus:toggle', ideaId: 'b', included: true });
  run({
    type: 'plan:set',
    row: {
      id: 'r1',
      month: 'Feb',
      kind: 'monthly',
      themeNo: 1,
      theme: 'Policy & Branschpraxis',
      ideaId: null,
      host: 'Daniel',
      backup: 'Pia',
      comment: 'Bjud in alla',
    },
  });
  return s as unknown as Workshop;
}

describe('exports', () => {
  it('writes the focus list per dimension with counts, like the seed document', () => {
    const md = toMarkdown(workshop());
    expect(md).toContain('## Fokus\n\n### Omvärldsbevakning\n\n- **Studieresa 7**\n');
    expect(md).toContain('### Gemensamma frågor & projekt\n\n- **Politisk påverkan 5** (lobbying, "PM")\n');
    expect(md).toContain('### Kollegialt stöd\n\n- (inga)\n');
    expect(md).toContain('## Hela rankingen');
    expect(md).toContain('2. =cmd|x 0');
    expect(md).toContain('| 1 | Policy & Branschpraxis | Daniel (Pia) | Feb | Bjud in alla |');
  });

  it('writes CSV that spreadsheets open safely', () => {
    const lines = toCsv(workshop()).split('\r\n');
    expect(lines[0]).toBe('\uFEFFDimension,Plats,Område,Detaljer,Röster,Röstande,Fokus');
    expect(lines).toContain('Omvärldsbevakning,1,Studieresa,,7,2,ja');
    expect(lines).toContain('Gemensamma frågor & projekt,1,Politisk påverkan,"lobbying, ""PM""",5,1,ja');
    expect(lines).toContain("Gemensamma frågor & projekt,2,'=cmd|x,,0,0,nej");
  });

  it('writes JSON with focus, ranking and plan', () => {
    const json = toJson(workshop());
    expect(json.boards[0]).toMatchObject({ id: 'omvarld', focus: [{ idea: 'Studieresa', dots: 7, voters: 2, rank: 1 }] });
    expect(json.boards[2]?.ranking.map((r) => [r.idea, r.dots, r.focus])).toEqual([
      ['Politisk påverkan', 5, true],
      ['=cmd|x', 0, false],
    ]);
    expect(json.plan).toEqual([
      { month: 'Feb', kind: 'monthly', themeNo: 1, theme: 'Policy & Branschpraxis', ideaId: null, host: 'Daniel', backup: 'Pia', comment: 'Bjud in alla' },
    ]);
  });
});

/** A workshop whose every free-text field holds `t(field)`. */
function workshopWith(t: (field: string) => string): Workshop {
  const c = templateContent('handlingsplan', 'sv');
  let s: Workshop | null = null;
  const run = (cmd: Command, actor: Actor = fac) => {
    const d = decide(s, cmd, actor, 1);
    if (!d.ok) throw new Error(d.error.message);
    for (const e of d.value) s = evolve(s, e);
  };
  run({ type: 'workshop:create', workshopId: 'w', lang: 'sv', template: 'handlingsplan', ...c, title: t('title') }, { role: 'system' });
  run({ type: 'participant:join', participantId: 'p1', name: t('name'), organisation: t('org'), tokenHash: 'h1' }, { role: 'system' });
  run({ type: 'idea:add', ideaId: 'a', boardId: 'omvarld', text: t('idea-a'), details: t('details-a') });
  run({ type: 'idea:add', ideaId: 'b', boardId: 'omvarld', text: t('idea-b') });
  run({ type: 'voting:open' });
  run({ type: 'vote:add', ideaId: 'a' }, { role: 'participant', participantId: 'p1' });
  run({ type: 'focus:toggle', ideaId: 'a', included: true });
  const row = {
    id: 'r1',
    month: t('month'),
    kind: 'monthly' as const,
    themeNo: 1,
    ideaId: null,
    theme: t('theme'),
    host: t('host'),
    backup: t('backup'),
    comment: t('comment'),
  };
  run({ type: 'plan:set', row });
  return s as unknown as Workshop;
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '&lt;b&gt; &#60;i&#62; &amp;',
  '[click](javascript:alert(1)) ![img](http://x/y.png) [ref]: http://evil',
  '**bold** _em_ `code` ~~gone~~ <http://auto.link>',
  '# heading\n## second\n> quote\n- item\n1. one\n---\n===',
  '- starts a list',
  '2024. ordered',
  'https://evil.example/x www.evil.example anna@evil.example',
  '| a | b |\n|---|---|',
  'trailing backslash \\',
  '    indented code',
];

/**
 * The Markdown syntax left in a line once escaped characters are taken out. A pipe only counts in a table row:
 * elsewhere no delimiter row follows, so it cannot make a table.
 */
const syntax = (line: string) =>
  line
    .replace(/\\[\s\S]/g, '')
    .replace(/&(lt|gt|amp);/g, '')
    .replace(line.startsWith('| ') ? /[^*_`[\]~<>#|&]/g : /[^*_`[\]~<>#&]/g, '');

/** Every token markdown-it makes of a document, inline children included: what a reader would render. */
function tokensOf(md: string): Token[] {
  const reader = new MarkdownIt({ html: true, linkify: true });
  return reader.parse(md, {}).flatMap((t) => [t, ...(t.children ?? [])]);
}

describe('Markdown export of hostile text', () => {
  // Parsed back the way a permissive reader would (raw HTML on, autolinks on): the document's own structure and
  // nothing from the typed text.
  for (const hostile of HOSTILE) {
    it(`parses to the same structure as plain text with ${JSON.stringify(hostile.slice(0, 30))}`, () => {
      const kinds = (md: string) =>
        tokensOf(md)
          .map((t) => t.type)
          .filter((type) => type !== 'text' && type !== 'softbreak' && type !== 'text_special');
      const plain = toMarkdown(workshopWith((f) => `plain ${f}`));
      const out = toMarkdown(workshopWith((f) => `${hostile} ${f}`));
      expect(kinds(out)).toEqual(kinds(plain));
      // Rendered, it has exactly the plain document's tags: no script, image, link or code of the typed text's making.
      const tags = (md: string) => new MarkdownIt({ html: true, linkify: true }).render(md).match(/<[a-z][a-z0-9]*/g);
      expect(tags(out)).toEqual(tags(plain));
    });
  }

  // The checks below are on the text itself, for readers stricter or looser than markdown-it.
  for (const hostile of HOSTILE) {
    it(`keeps the document's structure with text like ${JSON.stringify(hostile.slice(0, 30))}`, () => {
      const plain = toMarkdown(workshopWith((f) => `plain ${f}`)).split('\n');
      const out = toMarkdown(workshopWith((f) => `${hostile} ${f}`));
      const lines = out.split('\n');
      // No HTML: not a single raw angle bracket, and entities only the ones the escaping wrote.
      expect(out).not.toMatch(/[<>]/);
      expect(out.replace(/&(lt|gt|amp);/g, '')).not.toMatch(/&#?[a-z0-9]+;/i);
      // The same lines, each opening the same way, with no Markdown syntax beyond the document's own.
      expect(lines).toHaveLength(plain.length);
      for (const [n, line] of lines.entries()) {
        const ref = plain[n] ?? '';
        expect(line.match(/^(#{1,3} |- |\d+\. |\| |$)/)?.[0], `line ${n}: ${line}`).toBe(ref.match(/^(#{1,3} |- |\d+\. |\| |$)/)?.[0]);
        expect(syntax(line), `line ${n}: ${line}`).toBe(syntax(ref));
        // No autolinks for GitHub-flavoured readers either.
        expect(line.replace(/\\[\s\S]/g, '')).not.toMatch(/:\/\/|www\.|@/);
      }
    });
  }

  it('still reads as the text that was typed', () => {
    const out = toMarkdown(workshopWith((f) => (f === 'idea-a' ? 'Rätt & riktigt <b>: 5 * 3' : `plain ${f}`)));
    expect(out).toContain('- **Rätt & riktigt &lt;b&gt;: 5 \\* 3 1**');
    const unescaped = out
      .replace(/\\([\s\S])/g, '$1')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    expect(unescaped).toContain('Rätt & riktigt <b>: 5 * 3 1');
  });
});
