import { useSyncExternalStore } from 'react';
import type { ErrorCode } from '@fokus/protocol';
import { en } from './en.ts';
import type { MessageKey, Messages } from './sv.ts';
import { sv } from './sv.ts';

export type Lang = 'sv' | 'en';
export type { MessageKey, Messages };
export type ClientErrorCode = ErrorCode | 'timeout';

export const MESSAGES: Record<Lang, Messages> = { sv, en };

// Compile-time check: every error code the server can send has words in every language.
const errorWordsPresent: Record<`error_${ClientErrorCode}`, string> = sv;
void errorWordsPresent;

export type Vars = Record<string, string | number>;

export function translate(messages: Messages, key: MessageKey, vars?: Vars): string {
  const text = messages[key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function errorText(lang: Lang, code: string): string {
  const key = `error_${code}`;
  return isMessageKey(key) ? MESSAGES[lang][key] : MESSAGES[lang].error_internal;
}

function isMessageKey(key: string): key is MessageKey {
  return key in sv;
}

// ---- The device's language: the workshop's by default, a per-device choice remembered in localStorage.

const STORAGE_KEY = 'fokus:lang';
let workshopLang: Lang = 'sv';
let deviceLang: Lang | null = readDeviceLang();
const listeners = new Set<() => void>();

function readDeviceLang(): Lang | null {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'sv' || v === 'en' ? v : null;
  } catch {
    return null;
  }
}

function emit(): void {
  if (typeof document !== 'undefined') document.documentElement.lang = currentLang();
  for (const l of listeners) l();
}

export function currentLang(): Lang {
  return deviceLang ?? workshopLang;
}

export function setWorkshopLang(lang: Lang): void {
  if (lang === workshopLang) return;
  workshopLang = lang;
  emit();
}

export function setDeviceLang(lang: Lang): void {
  deviceLang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export interface I18n {
  lang: Lang;
  t: (key: MessageKey, vars?: Vars) => string;
  err: (code: string) => string;
  toggle: () => void;
}

const cache = new Map<Lang, I18n>();
function i18nFor(lang: Lang): I18n {
  let v = cache.get(lang);
  if (!v) {
    const messages = MESSAGES[lang];
    v = {
      lang,
      t: (key, vars) => translate(messages, key, vars),
      err: (code) => errorText(lang, code),
      toggle: () => setDeviceLang(lang === 'sv' ? 'en' : 'sv'),
    };
    cache.set(lang, v);
  }
  return v;
}

export function useI18n(): I18n {
  const lang = useSyncExternalStore(subscribe, currentLang, currentLang);
  return i18nFor(lang);
}
