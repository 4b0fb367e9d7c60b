/**
 * Inferred cross-chart arrows for logs without mesh records (issue 10):
 * each `other_<signal>` reception is paired with the most plausible send of
 * another chart, never one stamped after it.
 */
import { describe, expect, it } from 'vitest';
import { inferReceptions, ReceptionInferrer, type InferenceStep } from '../../shared/sequence/model/inferReceptions.ts';

let nextId = 1;
const step = (chart: string, signal: string, time: number | null, extra: Partial<InferenceStep> = {}): InferenceStep => ({
  id: nextId++,
  chart,
  signal,
  to: 'somewhere',
  time,
  received: extra.received ?? (time ?? 0) + 50,
  ...extra,
});

const sendIds = (steps: InferenceStep[]) => [...inferReceptions(steps)].map(([id, send]) => [id, send?.id ?? null]);

describe('inferReceptions', () => {
  it('pairs other_X with the other chart’s move caused by X just before it', () => {
    const send = step('A', 'to_inner', 1000);
    const reception = step('B', 'other_to_inner', 1078);
    expect(sendIds([send, reception])).toEqual([[reception.id, send.id]]);
  });

  it('never pairs a reception with a send stamped after it, whatever the arrival order', () => {
    const reception = step('B', 'other_to_inner', 1000, { received: 5000 });
    const later = step('A', 'to_inner', 1001, { received: 10 });
    expect(sendIds([later, reception])).toEqual([[reception.id, null]]);
  });

  it('orders by the sender’s stamps, not arrival: a late-arriving earlier send claims the reception', () => {
    const reception = step('B', 'other_to_inner', 1100, { received: 1200 });
    const sendArrivingLate = step('A', 'to_inner', 1050, { received: 3000 });
    const inferrer = new ReceptionInferrer();
    inferrer.add(reception);
    expect(inferrer.sendOf(reception.id)).toBeNull();
    inferrer.add(sendArrivingLate);
    expect(inferrer.sendOf(reception.id)).toBe(sendArrivingLate);
  });

  it('prefers the closest preceding of several candidates of one kind', () => {
    const early = step('A', 'to_inner', 1000);
    const close = step('C', 'to_inner', 1090);
    const reception = step('B', 'other_to_inner', 1100);
    expect(sendIds([early, close, reception])).toEqual([[reception.id, close.id]]);
  });

  it('prefers a move named after the signal (or into the state so named) over a closer unrelated move', () => {
    const named = step('A', 'to_inner', 1000);
    const unrelated = step('C', 'tick', 1099);
    const reception = step('B', 'other_to_inner', 1100);
    expect(sendIds([named, unrelated, reception])).toEqual([[reception.id, named.id]]);
    const intoNight = step('S', 'day_over', 2000, { to: 'night' });
    const other = step('C', 'tock', 2009);
    const night = step('F', 'other_night', 2010);
    expect(sendIds([intoNight, other, night])).toEqual([[night.id, intoNight.id]]);
  });

  it('falls back to any other chart’s move when none is named after the signal', () => {
    const stage = step('charger', 'other_sun_strong', 1000, { to: 'bulk' });
    const reception = step('fan', 'other_charger_stage', 1100);
    expect(sendIds([stage, reception])).toEqual([
      [stage.id, null],
      [reception.id, stage.id],
    ]);
  });

  it('never credits the chart itself, nor another reception of the same broadcast (an echo)', () => {
    const own = step('B', 'to_inner', 1000);
    const echo = step('C', 'other_to_inner', 1050);
    const reception = step('B', 'other_to_inner', 1060);
    expect(sendIds([own, echo, reception])).toEqual([
      [echo.id, own.id],
      [reception.id, null],
    ]);
  });

  it('prefers the chart the payload names', () => {
    const named = step('A', 'tick', 1000);
    const closer = step('C', 'to_inner', 1050);
    const reception = step('B', 'other_to_inner', 1060, { payload: 'A' });
    expect(sendIds([named, closer, reception])).toEqual([[reception.id, named.id]]);
  });

  it('says no send seen beyond the window', () => {
    const send = step('A', 'to_inner', 1000);
    const reception = step('B', 'other_to_inner', 1501);
    expect(sendIds([send, reception])).toEqual([[reception.id, null]]);
    expect([...inferReceptions([send, reception], { windowMs: 501 })]).toEqual([[reception.id, send]]);
  });

  it('compares arrival times when a step has no stamp of its own (spy-only charts)', () => {
    const send = step('A', 'to_inner', null, { received: 1000 });
    const reception = step('B', 'other_to_inner', 1100, { received: 1040 });
    const before = step('B', 'other_to_inner', 900, { received: 990 });
    expect(sendIds([send, reception, before])).toEqual([
      [reception.id, send.id],
      [before.id, null],
    ]);
  });
});
