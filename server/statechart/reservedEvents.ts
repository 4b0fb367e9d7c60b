/**
 * The events the processor sends to states itself. Shared, never mutated:
 * allocating them per RTC step (as miros does) would cost an allocation per
 * call on the hot path.
 */
import { Event } from './Event.ts';

export const ENTRY_EVENT: Event = Object.freeze(new Event('ENTRY_SIGNAL'));
export const EXIT_EVENT: Event = Object.freeze(new Event('EXIT_SIGNAL'));
export const INIT_EVENT: Event = Object.freeze(new Event('INIT_SIGNAL'));
export const REFLECTION_EVENT: Event = Object.freeze(new Event('REFLECTION_SIGNAL'));
export const EMPTY_EVENT: Event = Object.freeze(new Event('EMPTY_SIGNAL'));
export const SEARCH_EVENT: Event = Object.freeze(new Event('SEARCH_FOR_SUPER_SIGNAL'));

/** Signal numbers of the reserved signals (fixed by miros's table). */
export const ENTRY_SIGNAL = 1;
export const EXIT_SIGNAL = 2;
export const INIT_SIGNAL = 3;
export const REFLECTION_SIGNAL = 4;
export const EMPTY_SIGNAL = 5;
export const SEARCH_FOR_SUPER_SIGNAL = 6;
export const STOP_FABRIC_SIGNAL = 7;
export const STOP_ACTIVE_OBJECT_SIGNAL = 8;
export const SUBSCRIBE_META_SIGNAL = 9;
export const PUBLISH_META_SIGNAL = 10;
