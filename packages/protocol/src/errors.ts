import type { DomainErrorCode } from '@fokus/core';

/** Errors of the transport around the domain: bad input, wrong role, version, load. */
export type TransportErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'version_mismatch'
  | 'not_joined'
  | 'rate_limited'
  /** The store could not make the command durable: nothing happened, the same op id may be sent again. */
  | 'storage_unavailable'
  /** This one workshop cannot be served right now (its log failed to load); every other workshop serves on. */
  | 'unavailable'
  | 'internal';
export type ErrorCode = DomainErrorCode | TransportErrorCode;

export type AckError = { ok: false; error: ErrorCode; message: string };
export type Ack<T extends object = object> = ({ ok: true } & T) | AckError;
