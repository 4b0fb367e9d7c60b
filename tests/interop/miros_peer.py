#!/usr/bin/python3
"""A stand-in for a miros-rabbitmq node, for interop tests.

It speaks miros-rabbitmq's wire format with Python's own libraries -- pika,
cryptography.fernet and pickle -- so our TypeScript side is checked against
the real thing, not against our own reading of it:

  body       = Fernet(key).encrypt(pickle.dumps(item))
  exchanges  = miros.mesh.exchange, miros.snoop.trace.exchange,
               miros.snoop.spy.exchange (topic, durable=False)
  properties = app_id='miros-rabbitmq-publisher',
               content_type='application/json', headers={'version': '1.0'}
  trace item = "\\n[ts] [chart] e->signal() a->b\\n"
  spy item   = "<chart> <spy line>"
  mesh item  = (sender ip, json.dumps({"signal_name": ..., "payload": ...}))

Commands (run with /usr/bin/python3, which has pika and cryptography):

  publish   send --count items per chart on each of --networks; prints one
            JSON object {"sent": [...]} describing every item, in order.
            --scribble TEXT also sends each chart's snoop_scribble of TEXT
            on the trace network, coloured as miros-rabbitmq colours it.
  consume   bind a queue on each of --networks, print {"ready": true} once
            bound, then one JSON line per message received (item decoded,
            tuples as {"tuple": [...]}, AMQP properties) until --expect
            messages arrived or --timeout seconds passed. --match TEXT
            skips items not containing TEXT (other tests share exchanges).
  evil      print the hex of pickle.dumps of an object whose __reduce__
            calls os.system('touch MARKER') -- a malicious pickle for
            fault tests (never unpickle it).

Examples:
  miros_peer.py publish --url amqp://guest:guest@127.0.0.1:5672/ \\
      --key u3Uc-qAi9iiCv3fkBfRUAKrM1gH8w51-nVU8M8A73Jg= \\
      --networks trace,spy,mesh --charts 04ccc_ao,2771f_ao --count 3
  miros_peer.py consume --url ... --key ... --networks mesh \\
      --binding '#.man' --expect 4 --timeout 10
"""
import argparse
import datetime
import io
import json
import os
import pickle
import sys
import time

import pika
from cryptography.fernet import Fernet

EXCHANGES = {
    'mesh': 'miros.mesh.exchange',
    'trace': 'miros.snoop.trace.exchange',
    'spy': 'miros.snoop.spy.exchange',
}
SNOOP_KEYS = {'trace': 'snoop.trace', 'spy': 'snoop.spy'}
SPY_LINES = [
    'START',
    'SEARCH_FOR_SUPER_SIGNAL:outer',
    'ENTRY_SIGNAL:outer',
    'INIT_SIGNAL:outer',
    '<- Queued:(0) Deferred:(0)',
    'to_inner:outer',
    'to_inner:inner:HOOK',
]


def connect(url):
    return pika.BlockingConnection(pika.URLParameters(url))


def declare(channel, network):
    channel.exchange_declare(exchange=EXCHANGES[network], exchange_type='topic', durable=False)


def trace_line(chart, i):
    stamp = datetime.datetime.now().strftime('%Y-%m-%d %H:%M:%S.%f')
    signal, move = ('to_inner', 'outer->inner') if i % 2 == 0 else ('to_outer', 'inner->outer')
    return '[{}] [{}] e->{}() {}'.format(stamp, chart, signal, move)


def scribble_item(chart, text):
    # miros-rabbitmq's snoop_scribble (enable_color=True): bright black '# text'.
    stamp = datetime.datetime.now().strftime('%Y-%m-%d %H:%M:%S.%f')
    return '[{}] [{}] \u001b[30;1m# {}\u001b[0m'.format(stamp, chart, text)


def items_for(network, chart, i, sender):
    if network == 'trace':
        return '\n' + trace_line(chart, i) + '\n'
    if network == 'spy':
        return chart + ' ' + SPY_LINES[i % len(SPY_LINES)]
    signal = 'other_to_inner' if i % 2 == 0 else 'other_to_outer'
    return (sender, json.dumps({'signal_name': signal, 'payload': chart}))


def publish(args):
    fernet = Fernet(args.key.encode())
    connection = connect(args.url)
    channel = connection.channel()
    properties = pika.BasicProperties(
        app_id='miros-rabbitmq-publisher',
        content_type='application/json',
        headers={'version': '1.0'})
    sent = []
    networks = args.networks.split(',')
    for network in networks:
        declare(channel, network)
    for i in range(args.count):
        for chart in args.charts.split(','):
            for network in networks:
                item = items_for(network, chart, i, args.sender)
                body = fernet.encrypt(pickle.dumps(item, protocol=args.protocol))
                key = args.routing_key if network == 'mesh' else SNOOP_KEYS[network]
                channel.basic_publish(EXCHANGES[network], key, body, properties)
                sent.append({'network': network, 'routing_key': key, 'item': to_json(item)})
                if args.interval:
                    time.sleep(args.interval)
    if args.scribble:
        declare(channel, 'trace')
        for chart in args.charts.split(','):
            item = scribble_item(chart, args.scribble)
            body = fernet.encrypt(pickle.dumps(item, protocol=args.protocol))
            channel.basic_publish(EXCHANGES['trace'], SNOOP_KEYS['trace'], body, properties)
            sent.append({'network': 'trace', 'routing_key': SNOOP_KEYS['trace'], 'item': item})
    connection.close()
    print(json.dumps({'sent': sent}), flush=True)


class PlainDataUnpickler(pickle.Unpickler):
    """pickle.loads for plain data: refuses every import (our own messages never need one)."""

    def find_class(self, module, name):
        raise pickle.UnpicklingError('refusing to import {}.{}'.format(module, name))


def to_json(value):
    if isinstance(value, tuple):
        return {'tuple': [to_json(v) for v in value]}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    if isinstance(value, bytes):
        return {'bytes': value.hex()}
    return value


def consume(args):
    fernet = Fernet(args.key.encode())
    connection = connect(args.url)
    channel = connection.channel()
    for network in args.networks.split(','):
        declare(channel, network)
        queue = channel.queue_declare(queue='', exclusive=True).method.queue
        binding = args.binding if network == 'mesh' else SNOOP_KEYS[network]
        channel.queue_bind(queue, EXCHANGES[network], binding)

        def on_message(ch, method, props, body, network=network):
            record = {'network': network, 'routing_key': method.routing_key,
                      'properties': {'app_id': props.app_id, 'content_type': props.content_type,
                                     'headers': props.headers, 'delivery_mode': props.delivery_mode}}
            try:
                plain = fernet.decrypt(body)
                record['protocol'] = plain[1] if plain[:1] == b'\x80' else None
                record['item'] = to_json(PlainDataUnpickler(io.BytesIO(plain)).load())
            except Exception as error:  # report, never crash: the test asserts on it
                record['error'] = '{}: {}'.format(type(error).__name__, error)
            ch.basic_ack(method.delivery_tag)
            if args.match and args.match not in json.dumps(record.get('item'), ensure_ascii=False):
                return  # someone else's message on a shared exchange
            print(json.dumps(record), flush=True)
            state['count'] += 1
            if state['count'] >= args.expect:
                ch.stop_consuming()

        channel.basic_consume(queue, on_message)
    state = {'count': 0}
    print(json.dumps({'ready': True}), flush=True)
    connection.call_later(args.timeout, channel.stop_consuming)
    channel.start_consuming()
    connection.close()


class Evil:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, ('touch ' + self.marker,))


def evil(args):
    print(pickle.dumps(Evil(args.marker), protocol=args.protocol).hex(), flush=True)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest='command', required=True)
    for name in ('publish', 'consume'):
        p = sub.add_parser(name)
        p.add_argument('--url', default=os.environ.get('AMQP_URL', 'amqp://guest:guest@127.0.0.1:5672/'))
        p.add_argument('--key', required=True, help='Fernet key (url-safe base64 text)')
        p.add_argument('--networks', default='trace,spy,mesh', help='comma-separated: trace,spy,mesh')
    pub = sub.choices['publish']
    pub.add_argument('--charts', default='04ccc_ao', help='comma-separated chart names')
    pub.add_argument('--count', type=int, default=1, help='items per chart per network')
    pub.add_argument('--routing-key', default='heya.man', help='mesh tx_routing_key')
    pub.add_argument('--sender', default='127.0.0.1', help='address put in mesh tuples')
    pub.add_argument('--protocol', type=int, default=pickle.DEFAULT_PROTOCOL)
    pub.add_argument('--interval', type=float, default=0.0, help='seconds between messages')
    pub.add_argument('--scribble', default='', help='also send a snoop_scribble of this text per chart')
    con = sub.choices['consume']
    con.add_argument('--binding', default='#', help='mesh rx_routing_key pattern')
    con.add_argument('--expect', type=int, default=1, help='stop after this many messages')
    con.add_argument('--match', default='', help='only report items containing this text (the exchanges are shared)')
    con.add_argument('--timeout', type=float, default=10.0, help='stop after this many seconds')
    ev = sub.add_parser('evil')
    ev.add_argument('--marker', required=True, help='file the pickle would create')
    ev.add_argument('--protocol', type=int, default=pickle.DEFAULT_PROTOCOL)
    args = parser.parse_args(argv)
    {'publish': publish, 'consume': consume, 'evil': evil}[args.command](args)


if __name__ == '__main__':
    main(sys.argv[1:])
