/**
 * Return statuses of state handlers, with miros's numbers.
 *
 * The engine only produces/consumes SUPER, UNHANDLED, HANDLED, IGNORED and
 * TRAN; the rest exist so that numbers and names match miros's table (the
 * conformance `return_status` probe compares the whole table). In event
 * dispatch any status >= TRAN counts as a transition.
 *
 * @remarks miros: `return_status` (miros.event), with the same numbers.
 */
export const ReturnStatus = Object.freeze({
  SUPER: 1,
  SUPER_SUB: 2,
  UNHANDLED: 3,
  HANDLED: 4,
  IGNORED: 5,
  ENTRY: 6,
  EXIT: 7,
  NULL: 8,
  TRAN: 9,
  TRAN_INIT: 10,
  TRAN_HIST: 11,
  TRAN_EP: 12,
  TRAN_XP: 13,
} as const);

/** The number a state handler answers with. */
export type ReturnStatusCode = (typeof ReturnStatus)[keyof typeof ReturnStatus];
