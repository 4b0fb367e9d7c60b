/**
 * Trace lines of every shape the in-place path (LineSink.traceLine) takes or
 * must refuse, mixed with lines it leaves to the record readers: for tests
 * that compare a columnar reading with the record parser.
 */
export const TRACE_LINE_VARIETY = [
  '\uFEFF[2018-05-04 09:00:00.000001] [ao1] e->start_at() top->outer',
  '[2018-05-04 09:00:00.000002] [ao1] e->go({\'é\': "ü"}) outer->inner\r',
  '  \t[2018-05-04 09:00:00.000003] [ao1] e->back(f(x) -> y) inner->outer  ',
  '[2018-05-04 09:00:00.000004]  [ao2]   e->to_a()   a->b',
  '[2018-05-04 09:00:00.000005] [] e->anonymous() a->b',
  '[08:08:34.878743] [old] cTrig->tick() a->b',
  '[2018-05-04 09:00:01] [old] SIG: a->b',
  '[2018-05-04 09:00:00.000006] [ao1] # a scribble',
  '[2018-02-30 09:00:00.000007] [ao1] e->bad_day() a->b',
  '[2018-05-04 09:00:00.000008] [ao1] e->broken( outer->inner',
  '[2018-05-04 09:00:00.000009] [ao1] e->twice() a->b->c',
  '[2018-05-04 09:00:00.000010] [ao1] FAULT uiErrNum->2',
  '\x1b[32m[2018-05-04 09:00:00.000011] [ao1] e->coloured() a->b\x1b[0m',
  ' [+t] [2018-05-04 09:00:00.000012] [ao1] e->via_terminal() a->b',
  ' [+s] ao1 ENTRY_SIGNAL:outer',
  '',
  '   ',
  '2019-07-26 11:37:22,674 DEBUG:T: [ao3] e->tick() a->b',
  '{"v":1,"kind":"trace","chart":"ao2","node":null,"time":5,"received":1,"raw":"x","signal":"s","from":"a","to":"b"}',
  'free text 😀 line',
  '[2018-05-04 09:00:00.000013] [ao1] e->last() b->a',
  '[2018-05-04 09:00:00.000014] [ao1] e->no_line_end() a->b',
].join('\n');
