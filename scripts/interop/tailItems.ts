/**
 * What (c) has a Python node publish: the interop samples' trace and spy
 * lines, plus the cases a plain sample does not cover — snoop scribbles as
 * the library's `snoop_scribble` sends them (coloured: the `# text` in
 * bright black; uncoloured: as is), a spy chart name with a space in it
 * (the library's printer takes the text up to the first space as the name),
 * and trace items with and without the live trace's `\n … \n` framing.
 * Each batch is one `py_emit.py` run, so within a network the order of the
 * items is the order they were published in.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The chart `miroscope tail --name` and `py_snoop_print.py --self-name` treat as their own. */
export const SELF = '04ccc_ao';
const OTHER = 'e0c1a_fo';
const SPACED = 'two words';
const BRIGHT_BLACK = '\x1b[30;1m';
const RESET = '\x1b[0m';

export interface EmitBatch {
  args: string[];
  trace: number;
  spy: number;
}

/** Writes the item files into `dir` and returns the py_emit.py runs that publish them. */
export function tailItems(samples: string, dir: string): EmitBatch[] {
  const lines = (file: string) => readFileSync(join(samples, file), 'utf8').split('\n').filter((l) => l.trim() !== '');
  const trace = [
    ...lines('trace.txt'),
    `[2018-05-04 09:23:37.000001] [${SELF}] ${BRIGHT_BLACK}# amqp://127.0.0.1:5672/ is where I listen${RESET}`,
    `[2018-05-04 09:23:37.000002] [${OTHER}] ${BRIGHT_BLACK}# a coloured scribble${RESET}`,
    `[2018-05-04 09:23:37.000003] [${OTHER}] # an uncoloured scribble`,
  ];
  const spy = lines('spy.txt');
  const traceFile = join(dir, 'c-trace.txt');
  const spyFile = join(dir, 'c-spy.txt');
  writeFileSync(traceFile, trace.join('\n') + '\n');
  writeFileSync(spyFile, spy.join('\n') + '\n');
  return [
    { args: ['--trace-file', traceFile, '--spy-file', spyFile, '--name', SELF], trace: trace.length, spy: spy.length },
    { args: ['--trace-file', traceFile, '--live-trace-framing', '--spy-file', spyFile, '--name', OTHER], trace: trace.length, spy: spy.length },
    { args: ['--spy-file', spyFile, '--name', SPACED], trace: 0, spy: spy.length },
  ];
}
