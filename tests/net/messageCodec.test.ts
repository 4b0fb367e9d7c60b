import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mirosMessageProperties, readCorrelation } from '../../server/net/correlationHeaders.ts';
import { decodeBody } from '../../server/net/decodeBody.ts';
import { encodeBody } from '../../server/net/encodeBody.ts';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import { MessageCodec } from '../../server/net/MessageCodec.ts';
import { meshItem, spyItem, traceItem } from '../../server/net/mirosItems.ts';
import { tuple } from '../../server/net/pickle/PickleValue.ts';
import { rejectionRecord } from '../../server/net/WireRejection.ts';
import { parseLog } from '../../shared/parsers/parseLog.ts';
import { fixturePath } from '../support/fixturePath.ts';

const wire = JSON.parse(readFileSync(fixturePath('wire/miros-rabbitmq-wire.json'), 'utf8'));
const body = (name: string) => Buffer.from(wire.items[name].amqp_body_ascii as string, 'latin1');
const key = wire.fernet_key as string;
const received = 1_700_000_000_000;
const codec = (network: 'trace' | 'spy' | 'mesh', extra = {}) => new MessageCodec({ network, key, ...extra });

describe('MessageCodec decodes the bodies Python wrote', () => {
  it('reads a trace body into a TraceRecord', () => {
    expect(codec('trace').decode(body('trace'), { received })).toEqual({
      ok: true,
      records: [
        {
          v: 1,
          kind: 'trace',
          chart: '04ccc_ao',
          node: null,
          time: Date.UTC(2018, 4, 4, 9, 23, 34) + 178.157,
          received,
          raw: '[2018-05-04 09:23:34.178157] [04ccc_ao] e->to_inner() outer->inner',
          stamp: '2018-05-04 09:23:34.178157',
          signal: 'to_inner',
          from: 'outer',
          to: 'inner',
        },
      ],
      item: '[2018-05-04 09:23:34.178157] [04ccc_ao] e->to_inner() outer->inner',
    });
  });

  it('reads a live trace body ("\\n<line>\\n") into the same record', () => {
    const [framed, bare] = [body('trace_live_framed'), body('trace')].map((b) => codec('trace').decode(b, { received }));
    expect(framed!.ok && framed!.records).toEqual(bare!.ok && bare!.records);
    expect(framed!.ok && framed!.item).toBe('\n[2018-05-04 09:23:34.178157] [04ccc_ao] e->to_inner() outer->inner\n');
  });

  it('reads a non-ASCII trace body', () => {
    const result = codec('trace').decode(body('trace_non_ascii'), { received });
    expect(result.ok && result.records.map((r) => [r.chart, r.kind === 'trace' && [r.signal, r.from, r.to]])).toEqual([
      ['chart_é→ü', ['naïve_signal', 'état_un', 'état_deux']],
    ]);
  });

  it('reads a spy body into a SpyRecord', () => {
    expect(codec('spy').decode(body('spy'), { received })).toEqual({
      ok: true,
      records: [
        {
          v: 1,
          kind: 'spy',
          chart: '04ccc_ao',
          node: null,
          time: null,
          received,
          raw: '04ccc_ao SEARCH_FOR_SUPER_SIGNAL:outer',
          line: 'SEARCH_FOR_SUPER_SIGNAL:outer',
          signal: 'SEARCH_FOR_SUPER_SIGNAL',
          state: 'outer',
        },
      ],
      item: '04ccc_ao SEARCH_FOR_SUPER_SIGNAL:outer',
    });
  });

  it('reads mesh bodies into MeshRecords with the sender address', () => {
    const decoded = ['mesh', 'mesh_null_payload'].map((name) => codec('mesh').decode(body(name), { received, routingKey: 'heya.man' }));
    expect(decoded).toEqual([
      {
        ok: true,
        records: [
          {
            v: 1,
            kind: 'mesh',
            chart: null,
            node: '127.0.0.1',
            time: null,
            received,
            raw: '{"signal_name": "other_mode", "payload": "04ccc_ao"}',
            signal: 'other_mode',
            payload: '04ccc_ao',
            sender: '127.0.0.1',
            routingKey: 'heya.man',
          },
        ],
        item: tuple('127.0.0.1', '{"signal_name": "other_mode", "payload": "04ccc_ao"}'),
      },
      {
        ok: true,
        records: [
          {
            v: 1,
            kind: 'mesh',
            chart: null,
            node: '127.0.0.1',
            time: null,
            received,
            raw: '{"signal_name": "to_inner", "payload": null}',
            signal: 'to_inner',
            payload: null,
            sender: '127.0.0.1',
            routingKey: 'heya.man',
          },
        ],
        item: tuple('127.0.0.1', '{"signal_name": "to_inner", "payload": null}'),
      },
    ]);
  });
});

describe('MessageCodec encodes what miros-rabbitmq sends', () => {
  it('encodes each fixture item to a body Python\'s Fernet and pickle accept (same plaintext bytes)', () => {
    const plain = (b: Buffer) => new Fernet(key).decrypt(b).toString('hex');
    expect([
      plain(codec('trace').encode(wire.items.trace.item)),
      plain(codec('spy').encode(spyItem('04ccc_ao', 'SEARCH_FOR_SUPER_SIGNAL:outer'))),
      plain(codec('mesh').encode(meshItem('127.0.0.1', { signal: 'other_mode', payload: '04ccc_ao' }))),
      plain(codec('mesh').encode(meshItem('127.0.0.1', { signal: 'to_inner' }))),
      plain(codec('trace').encode(traceItem(wire.items.trace.item))),
    ]).toEqual([
      wire.items.trace.pickles['4'].hex,
      wire.items.spy.pickles['4'].hex,
      wire.items.mesh.pickles['4'].hex,
      wire.items.mesh_null_payload.pickles['4'].hex,
      wire.items.trace_live_framed.pickles['4'].hex,
    ]);
  });

  it('round-trips a mesh event with correlation headers into a correlated MeshRecord', () => {
    const props = mirosMessageProperties({ messageId: 'm-1', chart: 'ao1', seq: 7, node: 'node-a' });
    const result = codec('mesh').decode(codec('mesh').encode(meshItem('10.0.0.2', { signal: 'ping', payload: { n: 1 } })), {
      received,
      routingKey: 'a.man',
      headers: props.headers,
    });
    expect(result.ok && result.records[0]).toMatchObject({ chart: 'ao1', node: 'node-a', sender: '10.0.0.2', correlation: { messageId: 'm-1', chart: 'ao1', seq: 7 }, payload: { n: 1 } });
  });

  it('turns a topology announcement into a meta record and ignores one that is not a topology', () => {
    const body = codec('spy').encode(spyItem('ao1', 'START'));
    const decode = (topology: string) =>
      codec('spy').decode(body, { received, headers: mirosMessageProperties({ chart: 'ao1', node: 'n1' }, { 'x-miroscope-topology': topology }).headers });
    const kinds = (r: ReturnType<typeof decode>) => (r.ok ? r.records.map((x) => (x.kind === 'meta' ? [x.event, x.chart, x.node, x.states] : [x.kind])) : r.rejection.reason);
    expect([
      kinds(decode('[{"name":"outer","parent":null},{"name":"inner","parent":"outer"}]')),
      kinds(decode('[{"name":"outer","parent":7}]')),
      kinds(decode('{"name":"outer"}')),
      kinds(decode('not json')),
      kinds(decode('[]')),
    ]).toEqual([
      [['spy'], ['topology', 'ao1', 'n1', [{ name: 'outer', parent: null }, { name: 'inner', parent: 'outer' }]]],
      [['spy']],
      [['spy']],
      [['spy']],
      [['spy']],
    ]);
  });

  it('sets exactly miros-rabbitmq\'s properties, plus our headers', () => {
    expect(mirosMessageProperties({ messageId: 'm', chart: 'c', seq: 1, node: 'n' })).toEqual({
      appId: 'miros-rabbitmq-publisher',
      contentType: 'application/json',
      headers: { version: '1.0', 'x-miroscope-message-id': 'm', 'x-miroscope-chart': 'c', 'x-miroscope-seq': { '!': 'int', value: 1 }, 'x-miroscope-node': 'n' },
    });
    expect(readCorrelation({ version: '1.0' })).toEqual({});
  });

  it('writes and reads JSON bodies, told apart from pickles by the first byte', () => {
    const item = meshItem('10.0.0.2', { signal: 'ping', payload: null });
    const json = encodeBody(item, 'json');
    expect([json.toString(), decodeBody(json), decodeBody(encodeBody(item, 'pickle'))]).toEqual([
      '["10.0.0.2","{\\"signal_name\\": \\"ping\\", \\"payload\\": null}"]',
      ['10.0.0.2', '{"signal_name": "ping", "payload": null}'],
      tuple('10.0.0.2', '{"signal_name": "ping", "payload": null}'),
    ]);
    const jsonCodec = codec('mesh', { body: 'json' });
    const decoded = jsonCodec.decode(jsonCodec.encode(item), { received });
    expect(decoded.ok && decoded.records[0]).toMatchObject({ kind: 'mesh', signal: 'ping', sender: '10.0.0.2' });
  });
});

describe('MessageCodec rejects bad bodies with a reason', () => {
  const fernet = new Fernet(key);
  // pickle.dumps of an object whose __reduce__ is (os.system, ('touch /tmp/pwned',)), protocol 4.
  const osSystem = Buffer.from('8004952b000000000000008c05706f736978948c0673797374656d9493948c10746f756368202f746d702f70776e656494859452942e', 'hex');
  const cases: [name: string, network: 'trace' | 'spy' | 'mesh', body: Buffer, reason: string][] = [
    ['a body under another key', 'trace', new Fernet(Fernet.generateKey()).encryptToBuffer(encodeBody('x')), 'wrong-key'],
    ['garbage bytes', 'trace', Buffer.from([0, 1, 2, 3, 0xff]), 'bad-token'],
    ['a truncated token', 'trace', body('trace').subarray(0, 120), 'bad-token'],
    ['a raw pickle (not encrypted)', 'trace', Buffer.from(wire.items.trace.pickles['4'].hex, 'hex'), 'bad-token'],
    ['an os.system pickle', 'trace', fernet.encryptToBuffer(osSystem), 'forbidden-opcode'],
    ['a body over the cap', 'trace', Buffer.alloc(2 * 1024 * 1024, 0x41), 'oversized'],
    ['a truncated pickle', 'trace', fernet.encryptToBuffer(Buffer.from('80048c0561', 'hex')), 'bad-pickle'],
    ['an empty plaintext', 'trace', fernet.encryptToBuffer(Buffer.alloc(0)), 'bad-pickle'],
    ['a tuple on the trace network', 'trace', fernet.encryptToBuffer(encodeBody(tuple('a', 'b'))), 'bad-shape'],
    ['a spy item without a chart', 'spy', fernet.encryptToBuffer(encodeBody('START')), 'bad-shape'],
    ['a mesh tuple of three', 'mesh', fernet.encryptToBuffer(encodeBody(tuple('a', 'b', 'c'))), 'bad-shape'],
    ['mesh event_json without signal_name', 'mesh', fernet.encryptToBuffer(encodeBody(tuple('ip', '{"payload": 1}'))), 'bad-shape'],
    ['mesh event_json that is not JSON', 'mesh', fernet.encryptToBuffer(encodeBody(tuple('ip', 'hello 1'))), 'bad-shape'],
  ];

  it.each(cases)('rejects %s', (_name, network, bad, reason) => {
    const result = codec(network).decode(bad, { received });
    expect(result.ok ? 'accepted' : result.rejection.reason).toBe(reason);
  });

  it('turns a rejection into a visible meta record', () => {
    const result = codec('trace').decode(Buffer.from('no!!'), { received });
    expect(result.ok ? null : rejectionRecord(result.rejection, received)).toEqual({
      v: 1,
      kind: 'meta',
      event: 'rejected',
      reason: 'bad-token',
      network: 'trace',
      detail: 'fernet: token is not url-safe base64 with padding',
      chart: null,
      node: null,
      time: null,
      received,
      raw: 'rejected trace message: bad-token',
    });
  });

  it('reads a scribble on the trace network as a spy record marked as heard on the trace network, as the saved-log parser does (issue 10)', () => {
    const line = '[2018-05-04 09:23:34.178157] [ao] # hello';
    const coloured = '[2018-05-04 09:23:34.178157] [ao] \x1b[30;1m# hello\x1b[0m'; // miros-rabbitmq colours its scribbles
    const fromFile = parseLog(line, { received }).records[0]!;
    for (const item of [line, coloured]) {
      const result = codec('trace').decode(fernet.encryptToBuffer(encodeBody(item)), { received });
      expect(result.ok && result.records).toEqual([
        { v: 1, kind: 'spy', chart: 'ao', node: null, time: Date.UTC(2018, 4, 4, 9, 23, 34) + 178.157, received, raw: line, line: '# hello', network: 'trace' },
      ]);
      const { seq: _seq, origin: _origin, ...sameAsFile } = fromFile;
      expect(result.ok && result.records[0]).toEqual(sameAsFile);
    }
  });

  it('keeps other text on the trace network as a note, not a rejection', () => {
    const result = codec('trace').decode(fernet.encryptToBuffer(encodeBody('\nsomething else\n')), { received });
    expect(result.ok && result.records.map((r) => [r.kind, r.raw])).toEqual([['meta', 'something else']]);
  });
});
