/**
 * Records keyed by ids that clients make. Ids are data, never object keys with a meaning: a record made here
 * has no prototype, so "__proto__", "constructor" or "toString" are keys like any other, and a plain lookup
 * (`rec[id]`) in a view or an export finds only what is there. Reads in core also check own properties, so a
 * record parsed from JSON (an event from the log, a view on the wire) is read the same way.
 *
 * An object spread (`{ ...rec }`) or `Object.fromEntries` makes an ordinary object again: copy through here.
 */

/** A record keyed by id. Readonly in state; build new ones with the helpers below. */
export type IdRecord<T> = Readonly<Record<string, T>>;

/** An empty record with no prototype. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/**
 * The value stored under `key` itself, never one inherited from a prototype. A key that is not a string (an
 * id missing from a malformed event parsed from an old log) finds nothing, rather than the entry "undefined".
 */
export function getOwn<T>(rec: IdRecord<T> | null | undefined, key: string): T | undefined {
  if (rec == null || !hasOwn(rec, key)) return undefined;
  return rec[key];
}

export function hasOwn(rec: IdRecord<unknown> | null | undefined, key: string): boolean {
  return rec != null && typeof key === 'string' && Object.hasOwn(rec, key);
}

/** A prototype-free copy (of a record from anywhere, also one parsed from JSON). */
export function copyRecord<T>(rec: IdRecord<T> | null | undefined): Record<string, T> {
  const out = emptyRecord<T>();
  if (rec == null) return out;
  // Own keys only; on a prototype-free target an assignment to "__proto__" is an ordinary property.
  for (const key of Object.keys(rec)) out[key] = rec[key] as T;
  return out;
}

export function recordFrom<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = emptyRecord<T>();
  for (const [key, value] of entries) out[key] = value;
  return out;
}

/** A copy with `key` set to `value`. */
export function withEntry<T>(rec: IdRecord<T> | null | undefined, key: string, value: T): Record<string, T> {
  const out = copyRecord(rec);
  out[key] = value;
  return out;
}

/** A copy without the given keys. */
export function withoutEntries<T>(rec: IdRecord<T> | null | undefined, keys: Iterable<string>): Record<string, T> {
  const out = copyRecord(rec);
  for (const key of keys) delete out[key];
  return out;
}

/** A copy with every value passed through `fn`. */
export function mapRecord<T>(rec: IdRecord<T>, fn: (value: T, key: string) => T): Record<string, T> {
  const out = emptyRecord<T>();
  for (const key of Object.keys(rec)) out[key] = fn(rec[key] as T, key);
  return out;
}

/**
 * A record of many entries split into shards by a hash of the key, two levels deep: group -> shard -> key -> value
 * (32 groups of 32 shards). Changing one entry copies one small shard (a hall of 5,000 has ~5 per shard) and the two
 * 32-slot records above it, instead of the whole record, which keeps state immutable and a conference hall fast.
 * Shards have no prototype; the records above them are keyed only by numbers ("0".."31", never an id), so they stay
 * ordinary objects that copy like arrays. Why two levels: one level of 64 shards copied ~80 keys a vote at 5,000
 * phones (1.6 s of 25 s busy in the bench's profile); one of 256 copied 256 slots (~3 KB a vote, the largest
 * allocation in the voting window).
 */
export type Sharded<T> = Readonly<Record<string, Readonly<Record<string, IdRecord<T>>>>>;

const FANOUT = 32;

/** The slot (0..1023) of a key: its group is slot / FANOUT, its shard in the group slot % FANOUT. */
function slotOf(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (Math.imul(h, 31) + key.charCodeAt(i)) | 0;
  // MurmurHash3's finaliser: ids that differ only in their last characters ("p1", "p2") still spread over all slots.
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) % (FANOUT * FANOUT);
}

export function shardedGet<T>(rec: Sharded<T>, key: string): T | undefined {
  const slot = slotOf(key);
  return getOwn(getOwn(getOwn(rec, String((slot / FANOUT) | 0)), String(slot % FANOUT)), key);
}

/** A copy with one entry replaced (or removed, with null). */
export function shardedWith<T>(rec: Sharded<T>, key: string, value: T | null): Sharded<T> {
  const slot = slotOf(key);
  const group = String((slot / FANOUT) | 0);
  const at = String(slot % FANOUT);
  const shards = getOwn(rec, group);
  const shard = copyRecord(getOwn(shards, at));
  if (value !== null) shard[key] = value;
  else delete shard[key];
  return { ...rec, [group]: { ...shards, [at]: shard } };
}

/** Every shard (for tests that look at how a record is split, and for the walks below). */
export function* shardsOf<T>(rec: Sharded<T>): Generator<IdRecord<T>> {
  for (const shards of Object.values(rec)) yield* Object.values(shards);
}

export function* shardedEntries<T>(rec: Sharded<T>): Generator<[key: string, value: T]> {
  for (const shard of shardsOf(rec)) yield* Object.entries(shard);
}

export function shardedFrom<T>(entries: Iterable<readonly [string, T]>): Sharded<T> {
  let out: Sharded<T> = {};
  for (const [key, value] of entries) out = shardedWith(out, key, value);
  return out;
}

/** Applies `fn` to every entry; shards whose entries all come back unchanged are shared, not copied. */
export function shardedMap<T>(rec: Sharded<T>, fn: (value: T, key: string) => T): Sharded<T> {
  let out: Record<string, Readonly<Record<string, IdRecord<T>>>> | null = null;
  for (const [group, shards] of Object.entries(rec)) {
    let groupCopy: Record<string, IdRecord<T>> | null = null;
    for (const [at, shard] of Object.entries(shards)) {
      let copy: Record<string, T> | null = null;
      for (const [key, value] of Object.entries(shard)) {
        const next = fn(value, key);
        if (next === value) continue;
        copy ??= copyRecord(shard);
        copy[key] = next;
      }
      if (!copy) continue;
      groupCopy ??= { ...shards };
      groupCopy[at] = copy;
    }
    if (!groupCopy) continue;
    out ??= { ...rec };
    out[group] = groupCopy;
  }
  return out ?? rec;
}

/**
 * Names a plain JavaScript object already answers to (Object.prototype's own properties, and "prototype").
 * Core treats them as ordinary ids; the protocol refuses them as new ids so that no client code that still
 * reads a plain object by id (a view parsed from JSON in a browser) can trip over one.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);
