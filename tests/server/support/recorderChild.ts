/**
 * Child process for the crash test: records one record per millisecond into
 * a Recorder until it is killed, printing each seq it handed over. Each
 * record's `received` is the wall-clock time it was written, so the test can
 * tell how much a SIGKILL lost, in records and in time.
 */
import { Recorder } from '../../../server/recorder/Recorder.ts';
import { Sequencer } from '../../../server/relay/Sequencer.ts';

const [folder, name, flushMs] = process.argv.slice(2);
const recorder = new Recorder({ folder: folder!, name: name!, flushMs: Number(flushMs) });
const sequencer = new Sequencer();
setInterval(() => {
  const record = sequencer.number({ v: 1, kind: 'meta', event: 'status', chart: null, node: null, time: null, received: Date.now(), raw: 'tick' });
  recorder.write(record);
  // Writes to a pipe are synchronous on Linux: the parent learns of every record handed to the recorder.
  process.stdout.write(`${record.seq}\n`);
}, 1);
process.stdout.write('ready\n');
