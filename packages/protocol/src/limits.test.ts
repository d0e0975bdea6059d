import { RESERVED_IDS } from '@fokus/core';
import { describe, expect, it } from 'vitest';
import { commandEnvelopeSchema } from './commands.ts';
import { idSchema } from './limits.ts';

describe('idSchema', () => {
  it.each([...RESERVED_IDS])('refuses the reserved name %s with a message that says so', (id) => {
    const r = idSchema.safeParse(id);
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['id: a reserved name (like __proto__ or toString); choose another']);
  });

  it('accepts ordinary ids, also ones that merely contain a reserved name', () => {
    for (const id of ['a', 'idea-1', 'my_constructor', '__proto', 'toStringX', 'Prototype', 'x'.repeat(64)]) expect(idSchema.parse(id)).toBe(id);
  });

  it('names the field of a command that carries a reserved id, also one parsed from JSON', () => {
    const raw: unknown = JSON.parse('{"opId":"op1","command":{"type":"group:assign","participantId":"__proto__","groupId":null}}');
    const r = commandEnvelopeSchema.safeParse(raw);
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['command.participantId']);
    expect(commandEnvelopeSchema.safeParse({ opId: 'constructor', command: { type: 'timer:start' } }).error?.issues[0]?.path).toEqual(['opId']);
  });
});
