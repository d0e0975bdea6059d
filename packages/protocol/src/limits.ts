import { z } from 'zod';
import { LIMITS, RESERVED_IDS } from '@fokus/core';

export const PROTOCOL_VERSION = 1;

/**
 * Ids are made by clients: short, URL-safe, never free text. Names a plain object already answers to
 * ("__proto__", "constructor", "toString", …) are refused: core treats them as ordinary ids, but a client
 * reading a parsed view by id should never have to.
 */
export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'id: letters, digits, _ and - only')
  .refine((id) => !RESERVED_IDS.has(id), 'id: a reserved name (like __proto__ or toString); choose another');

/** Visible text: trimmed, not empty, bounded. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optionalText = (max: number) => z.string().trim().max(max);

export const langSchema = z.enum(['sv', 'en']);
export const templateSchema = z.enum(['handlingsplan', 'fragerunda', 'blank']);
export const roleSchema = z.enum(['participant', 'screen', 'facilitator']);
export type Role = z.infer<typeof roleSchema>;

/** The six-character join code: no 0/O/1/I/L so it survives being read aloud and off a projector. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const joinCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-HJ-KM-NP-Z2-9]{6}$/, 'a join code is six letters or digits');

export { LIMITS };
