import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokerLabel } from '../../server/config/brokerLabel.ts';
import { ConfigError, SEED_DEMO_KEY, resolveServeConfig, type ServeOptions } from '../../server/config/serveConfig.ts';

const OTHER_KEY = 'cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=';

describe('resolveServeConfig', () => {
  it('defaults to loopback, port 4477, no token, the in-process bus and the seed demo key', () => {
    expect(resolveServeConfig({}, {})).toEqual({
      amqpUrl: null,
      keys: { mesh: SEED_DEMO_KEY, trace: SEED_DEMO_KEY, spy: SEED_DEMO_KEY },
      demoKeys: true,
      port: 4477,
      host: '127.0.0.1',
      token: null,
      tokenGenerated: false,
      recordings: path.resolve('recordings'),
      demo: null,
      charts: [],
      meshBinding: '#',
      uploadLimit: 50 * 1024 * 1024,
    });
  });

  it('uses the mesh key for all three networks when it is the only one given', () => {
    const config = resolveServeConfig({}, { MIROS_MESH_KEY: OTHER_KEY });
    expect([config.keys, config.demoKeys]).toEqual([{ mesh: OTHER_KEY, trace: OTHER_KEY, spy: OTHER_KEY }, false]);
  });

  it('prefers options to the environment', () => {
    const config = resolveServeConfig(
      { amqp: 'amqp://a:b@h:1/', spyKey: SEED_DEMO_KEY },
      { AMQP_URL: 'amqp://ignored/', MIROS_MESH_KEY: OTHER_KEY },
    );
    expect([config.amqpUrl, config.keys.spy, config.keys.trace]).toEqual(['amqp://a:b@h:1/', SEED_DEMO_KEY, OTHER_KEY]);
  });

  it('generates a token for any host that is not loopback', () => {
    const config = resolveServeConfig({ host: '0.0.0.0' }, {});
    expect(config.tokenGenerated).toBe(true);
    expect(config.token).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('keeps a given token, from the option or MIROSCOPE_TOKEN, even on loopback', () => {
    expect(resolveServeConfig({ token: 'abcdefgh1' }, {}).token).toBe('abcdefgh1');
    expect(resolveServeConfig({ host: '0.0.0.0' }, { MIROSCOPE_TOKEN: 'from-env-123' })).toMatchObject({
      token: 'from-env-123',
      tokenGenerated: false,
    });
  });

  it.each([
    [{ meshKey: 'not-a-key' }, 'the mesh key is not a Fernet key (32 bytes in url-safe base64, 44 characters)'],
    [{ port: '99999' }, 'invalid port 99999'],
    [{ token: 'short' }, 'a token must be at least 8 characters'],
    [{ amqp: 'http://x' }, 'the broker URL must start with amqp:// or amqps://'],
    [{ amqp: 'amqp://a/,http://x' }, 'the broker URL must start with amqp:// or amqps://'], // a cluster's list: each of them
    [{ demo: 'nope' }, 'unknown demo nope: use seed, charger or all'],
  ])('rejects %j with a clear message', (options, message) => {
    expect(() => resolveServeConfig(options, {})).toThrow(new ConfigError(message));
  });

  it('never quotes a bad key in its error', () => {
    const secretish = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
    expect(() => resolveServeConfig({ traceKey: secretish }, {})).toThrow(/^(?!.*AAAA)/);
  });
});

describe('keys from files (issue 9: a key on the command line is visible in ps)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'miroscope-keys-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const where = path.join(dir, name);
    writeFileSync(where, text, { mode: 0o600 });
    return where;
  };

  it('reads a key file, its line end dropped, for the network it names', () => {
    const config = resolveServeConfig({ meshKeyFile: file('mesh.key', `${OTHER_KEY}\n`) }, {});
    expect([config.keys, config.demoKeys]).toEqual([{ mesh: OTHER_KEY, trace: OTHER_KEY, spy: OTHER_KEY }, false]);
    const spyOnly = resolveServeConfig({ spyKeyFile: file('spy.key', `  ${OTHER_KEY}\r\n`) }, {});
    expect(spyOnly.keys).toEqual({ mesh: SEED_DEMO_KEY, trace: SEED_DEMO_KEY, spy: OTHER_KEY });
  });

  it('reads MIROS_MESH_KEY_FILE, and a file option wins over the environment', () => {
    const meshFile = file('env-mesh.key', OTHER_KEY);
    expect(resolveServeConfig({}, { MIROS_MESH_KEY_FILE: meshFile, MIROS_MESH_KEY: SEED_DEMO_KEY }).keys.mesh).toBe(OTHER_KEY);
    const demoFile = file('demo.key', SEED_DEMO_KEY);
    expect(resolveServeConfig({ traceKeyFile: demoFile }, { MIROS_TRACE_KEY: OTHER_KEY, MIROS_MESH_KEY: OTHER_KEY }).keys.trace).toBe(SEED_DEMO_KEY);
  });

  it('refuses a key given twice, a missing or oversized file, and a file that holds no key, quoting no key', () => {
    const secretish = 'BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB';
    const missing = path.join(dir, 'nope.key');
    const big = file('big.key', 'x'.repeat(5000));
    const bad = file('bad.key', secretish);
    const cases: [ServeOptions, string][] = [
      [{ meshKey: OTHER_KEY, meshKeyFile: bad }, 'the mesh key is given twice (a key and a key file): give one'],
      [{ traceKeyFile: missing }, `cannot read the snoop trace key file ${missing}: ENOENT`],
      [{ meshKeyFile: big }, `the mesh key file ${big} is over 4096 bytes: it should hold one key`],
      [{ spyKeyFile: bad }, 'the snoop spy key is not a Fernet key (32 bytes in url-safe base64, 44 characters)'],
    ];
    for (const [options, message] of cases) expect(() => resolveServeConfig(options, {})).toThrow(new ConfigError(message));
  });
});

describe('brokerLabel', () => {
  it('shows the browser only host and port', () => {
    expect(brokerLabel('amqp://peter:rabbit@10.0.0.5/')).toBe('10.0.0.5:5672');
    expect(brokerLabel('amqps://u:p@broker.example:5999/vhost')).toBe('broker.example:5999');
    expect(brokerLabel('not a url')).toBe('<unparsable url>');
  });
});
