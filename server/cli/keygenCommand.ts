/**
 * `miroscope keygen`: a new Fernet key, in the url-safe base64 text that
 * miros-rabbitmq's `mesh_encryption_key=` and our `MIROS_*_KEY` take.
 */
import { Command } from 'commander';
import { Fernet } from '../net/fernet/Fernet.ts';

export function keygenCommand(): Command {
  return new Command('keygen')
    .description('print a new Fernet key (for --mesh-key, MIROS_MESH_KEY, or miros-rabbitmq)')
    .addHelpText(
      'after',
      '\nExample:\n  export MIROS_MESH_KEY=$(npx miroscope keygen)\n\nThe key is printed once and stored nowhere.',
    )
    .action(() => {
      process.stdout.write(Fernet.generateKey() + '\n');
    });
}
