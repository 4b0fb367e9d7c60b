import { afterEach, describe, expect, it } from 'vitest';
import { openTransport, splitBrokerUrls, type TransportChoice } from '../../server/listen/openTransport.ts';

const opened: TransportChoice[] = [];
afterEach(async () => {
  for (const choice of opened.splice(0)) await choice.transport.close();
});

async function open(options: Parameters<typeof openTransport>[0]) {
  const choice = await openTransport(options);
  opened.push(choice);
  return choice;
}

describe('openTransport', () => {
  it('says so and runs on the in-process bus when no broker was asked for and none answers', async () => {
    const said: string[] = [];
    const choice = await open({
      url: null,
      defaultUrl: 'amqp://guest:hunter2@127.0.0.1:1/',
      probeMs: 500,
      say: (line) => said.push(line),
    });
    expect([choice.transport.kind, choice.url]).toEqual(['in-process', null]);
    expect(said).toEqual([
      'transport: no broker reachable at amqp://***@127.0.0.1:1/, so running on the in-process bus ' +
        '(start RabbitMQ or pass --amqp URL to watch a network)',
    ]);
  });

  it('keeps retrying a broker that was asked for, and never prints its password', async () => {
    const said: string[] = [];
    const choice = await open({ url: 'amqp://guest:hunter2@127.0.0.1:1/', probeMs: 300, say: (line) => said.push(line) });
    expect([choice.transport.kind, choice.transport.state === 'connected']).toEqual(['amqp', false]);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^transport: RabbitMQ at amqp:\/\/\*\*\*@127\.0\.0\.1:1\/ is not reachable yet \(.*\); retrying in the background$/);
    expect(said.join('\n')).not.toContain('hunter2');
  });

  it('uses the broker when it answers', async () => {
    const said: string[] = [];
    const choice = await open({ url: null, say: (line) => said.push(line) });
    expect([choice.transport.kind, choice.transport.state]).toEqual(['amqp', 'connected']);
    expect(said).toEqual(['transport: RabbitMQ at amqp://***@127.0.0.1:5672/']);
  });

  it('takes a comma-separated list (a cluster) and fails over past a node that is down', async () => {
    const said: string[] = [];
    const choice = await open({ url: 'amqp://guest:hunter2@127.0.0.1:1/, amqp://guest:guest@127.0.0.1:5672/', probeMs: 5_000, say: (line) => said.push(line) });
    expect([choice.transport.state, choice.transport.broker, choice.urls]).toEqual([
      'connected',
      'amqp://***@127.0.0.1:5672/',
      ['amqp://guest:hunter2@127.0.0.1:1/', 'amqp://guest:guest@127.0.0.1:5672/'],
    ]);
    expect(said).toEqual(['transport: RabbitMQ at amqp://***@127.0.0.1:5672/ (failing over between amqp://***@127.0.0.1:1/, amqp://***@127.0.0.1:5672/)']);
  });

  it('refuses a list with something that is not an amqp URL, naming it without its password', () => {
    expect(() => splitBrokerUrls('amqp://a/,http://u:hunter2@b/')).toThrow('every broker URL must start with amqp:// or amqps:// (got http://***@b/)');
    expect(() => splitBrokerUrls(' , ')).toThrow('(got none)');
    expect(splitBrokerUrls('amqp://a/, amqps://b/,')).toEqual(['amqp://a/', 'amqps://b/']);
  });

  it('skips the broker entirely with inProcess', async () => {
    const choice = await open({ url: 'amqp://127.0.0.1/', inProcess: true, say: () => {} });
    expect(choice.transport.kind).toBe('in-process');
  });
});
