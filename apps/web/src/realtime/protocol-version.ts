/**
 * The protocol version this client speaks. Kept here rather than imported as a value from
 * @fokus/protocol, whose module graph carries zod (≈ 50 KB gz) into the phone bundle;
 * protocol-version.test.ts fails the moment the two drift apart.
 */
export const PROTOCOL_VERSION = 1;
