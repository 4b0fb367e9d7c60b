/**
 * Child process for the upload crash test: a MiroscopeServer on a free port
 * over the given recordings folder, printing its port, running until killed.
 */
import { MiroscopeServer } from '../../../server/http/MiroscopeServer.ts';

const [folder] = process.argv.slice(2);
const server = await MiroscopeServer.start({
  config: { host: '127.0.0.1', port: 0, token: null, recordings: folder!, uploadLimit: 100 * 1024 * 1024 },
  log: () => {},
});
process.stdout.write(`port ${server.port}\n`);
