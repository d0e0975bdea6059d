import type { Timer } from './model.ts';

/** Milliseconds left at `now` (negative once overrun, so a screen can show "+1:20"). */
export function remainingMs(timer: Timer, now: number): number {
  const running = timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt);
  return timer.durationMs - timer.elapsedMs - running;
}

/** "12:05", or "−0:42" when overrun. */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.ceil(Math.abs(ms) / 1000);
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${sign}${m}:${String(s).padStart(2, '0')}`;
}
