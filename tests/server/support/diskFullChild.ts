/**
 * Child process for the disk-full test: run under `ulimit -f` (a file size
 * limit, which fails writes past it the way a full disk does, after a
 * partial write), it records `count` records of about 200 bytes in flushes
 * of `perFlush` and prints what the recorder then reports, as JSON.
 */
import { Recorder } from '../../../server/recorder/Recorder.ts';
import { Sequencer } from '../../../server/relay/Sequencer.ts';

const [folder, name, count, perFlush] = process.argv.slice(2);
const errors: string[] = [];
const recorder = new Recorder({ folder: folder!, name: name!, maxBuffered: Number(perFlush), onError: (e) => errors.push((e as NodeJS.ErrnoException).code ?? e.message) });
const sequencer = new Sequencer();
let handed = 0;
for (let i = 0; i < Number(count) && recorder.state === 'open'; i++) {
  recorder.write(sequencer.number({ v: 1, kind: 'meta', event: 'status', chart: null, node: null, time: null, received: 1000 + i, raw: 'x'.repeat(120) }));
  handed++;
}
recorder.close();
process.stdout.write(JSON.stringify({ handed, written: recorder.written, state: recorder.state, errors }) + '\n');
