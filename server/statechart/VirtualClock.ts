// The VirtualClock now lives in shared/clock/ (one implementation for every test); this path stays
// so existing imports keep working.
export { VirtualClock } from '../../shared/clock/VirtualClock.ts';
