import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../shared/parsers/detectFormat.ts';

const samples: [string, string, string][] = [
  ['miros trace lines', 'miros-trace', '\n[2019-02-23 08:08:34.878743] [ao] e->start_at() top->outer\n[2019-02-23 08:08:35.000001] [ao] e->go() outer->inner\n'],
  ['older keywords', 'legacy-trace', '[2020-03-01 08:00:00] [kw] cTrig->begin() idle->busy\n[2020-03-01 08:00:01] [kw] event->pause() busy->paused\n'],
  ['time-only stamps', 'legacy-trace', '[10:59:17.592835] [other] e->start_at() top->not_waiting\n'],
  ['terminal output after a banner', 'rabbitmq-terminal', 'connecting…\n [+s] 0ca32_ao START\n [+t] [2018-05-04 08:02:36.593144] [0ca32_ao] e->start_at() top->outer\n'],
  ['coloured terminal output', 'rabbitmq-terminal', ' [+t] [2018-05-04 09:23:29.177773] [\x1b[34m04ccc_ao\x1b[0m] e->start_at() top->outer\n'],
  ['Python logging', 'python-logging', '2019-07-26 11:37:22,674 DEBUG:T: [ao1] e->start_at() top->inner_state\n2019-07-26 11:37:22,675 DEBUG:S: [ao1] START\n'],
  ['a recording', 'miroscope-jsonl', '{"v":1,"seq":1,"kind":"spy","chart":"a","node":null,"time":null,"received":0,"raw":"START","line":"START"}\r\n'],
  ['the majority of a mix', 'miros-trace', ' [+t] [2018-05-04 09:23:29.177773] [a] e->x() a->b\n[2018-05-04 09:23:30.177773] [a] e->y() b->a\n[2018-05-04 09:23:31.177773] [a] e->x() a->b\n'],
  ['nothing recognisable', 'miros-trace', 'hello\nworld\n'],
  ['an empty sample', 'miros-trace', ''],
];

describe('detectFormat', () => {
  it.each(samples)('recognises %s', (_name, format, sample) => {
    expect(detectFormat(sample)).toBe(format);
  });

  it('decides from a sample cut in the middle of a line', () => {
    expect(detectFormat('2019-07-26 11:37:22,674 DEBUG:T: [ao1] e->start_at() top->inner_state\n2019-07-26 11:3')).toBe('python-logging');
  });
});
