import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION as shared } from '@fokus/protocol';
import { PROTOCOL_VERSION } from './protocol-version.ts';

describe('protocol version', () => {
  it('matches the shared protocol package', () => expect(PROTOCOL_VERSION).toBe(shared));
});
