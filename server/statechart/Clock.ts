// The Clock now lives in shared/clock/ (issue 9: one clock for the statechart, transport, relay and
// recorder); this path stays so existing imports keep working.
export type { Clock, TimerHandle } from '../../shared/clock/Clock.ts';
