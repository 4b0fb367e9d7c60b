/**
 * The Send event control's logic (issue 12): which signals it proposes for
 * a chart, how it reads the payload field, and what it makes of the
 * server's answers. The server's side is tests/server/sendEvent.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { MirosRecord } from '../../shared/records/MirosRecord.ts';
import { RecordLog } from '../../web/src/store/RecordLog.ts';
import { handledSignalIndex, proposedSignals } from '../../web/src/panelApi/handledSignals.ts';
import { postSendEvent, SendEventError } from '../../web/src/panelApi/useSendEvent.ts';
import { parsePayloadText } from '../../web/src/panels/sendEvent/parsePayloadText.ts';
import { fixtureRecords } from './support/records.ts';

const base = { v: 1 as const, node: null, time: null, received: 0, raw: '' };
let seq = 0;
const trace = (chart: string, signal: string): MirosRecord => ({ ...base, seq: ++seq, kind: 'trace', chart, signal, from: 'a', to: 'b' });
const spy = (chart: string, line: string, fields: { signal?: string; hook?: boolean }): MirosRecord => ({ ...base, seq: ++seq, kind: 'spy', chart, line, ...fields });
const mesh = (signal: string): MirosRecord => ({ ...base, seq: ++seq, kind: 'mesh', chart: 'x_ao', signal, payload: null, sender: '127.0.0.1' });

describe('the signals proposed for a chart', () => {
  it('are those its trace lines and spy hooks show it handling, most often handled first', () => {
    const log = new RecordLog();
    log.append([
      trace('x_ao', 'to_inner'),
      trace('x_ao', 'other_to_outer'),
      trace('x_ao', 'to_inner'),
      spy('x_ao', 'pulse:inner:HOOK', { signal: 'pulse', hook: true }),
      spy('x_ao', 'ENTRY_SIGNAL:inner', { signal: 'ENTRY_SIGNAL' }),
      mesh('only_transmitted'),
      trace('y_ao', 'elsewhere'),
    ]);
    expect(proposedSignals(handledSignalIndex(log), 'x_ao')).toEqual(['to_inner', 'other_to_outer', 'pulse']);
    expect(proposedSignals(handledSignalIndex(log), 'y_ao')).toEqual(['elsewhere']);
    expect(proposedSignals(handledSignalIndex(log), 'never_heard')).toEqual([]);
    // Records arriving later are folded in.
    log.append([trace('x_ao', 'pulse'), trace('x_ao', 'pulse')]);
    expect(proposedSignals(handledSignalIndex(log), 'x_ao')).toEqual(['pulse', 'to_inner', 'other_to_outer']);
  });

  it('for the seed example log are the signals of the chart’s transitions there', () => {
    const log = new RecordLog();
    log.append(fixtureRecords('seed-two-charts-trace.log'));
    expect(new Set(proposedSignals(handledSignalIndex(log), '2771f_ao'))).toEqual(new Set(['start_at', 'other_to_inner', 'to_inner', 'other_to_outer']));
  });
});

describe('the payload field', () => {
  it.each([
    ['', { ok: true, value: null }],
    ['   ', { ok: true, value: null }],
    ['"text"', { ok: true, value: 'text' }],
    ['42', { ok: true, value: 42 }],
    ['{"n": [1, 2]}', { ok: true, value: { n: [1, 2] } }],
    ['true', { ok: true, value: true }],
    ['text', { ok: false, error: 'the payload must be JSON: "text" in quotes, a number, or {…}' }],
  ])('reads %j', (text, expected) => {
    expect(parsePayloadText(text)).toEqual(expected);
  });
});

describe('posting the event', () => {
  const answer = (status: number, body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  it('returns the messages the server published', async () => {
    const messages = [{ messageId: 'm1', routingKey: 'heya.man', result: 'sent' }];
    await expect(postSendEvent({ target: 'x_ao', signal: 's', payload: null }, '', answer(202, { messages }))).resolves.toEqual(messages);
  });

  it('throws the server’s own error text, or the status when it has none', async () => {
    await expect(postSendEvent({ target: 'x_ao', signal: 's', payload: null }, '', answer(404, { error: 'x_ao has not been heard' }))).rejects.toThrow(new SendEventError('x_ao has not been heard'));
    await expect(postSendEvent({ target: 'x_ao', signal: 's', payload: null }, '', async () => new Response('<html>', { status: 502 }))).rejects.toThrow('POST /api/send answered 502');
    await expect(
      postSendEvent({ target: 'x_ao', signal: 's', payload: null }, '', async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).rejects.toThrow('the event did not reach the server: Failed to fetch');
  });
});
