import { describe, expect, it } from 'vitest';
import { runCli } from './support/runCli.ts';

describe('miroscope --help', () => {
  it('lists every command', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    const commands = result.stdout
      .split('Commands:')[1]!
      .split('\n')
      .map((line) => /^ {2}(\S+)/.exec(line)?.[1])
      .filter(Boolean);
    expect(commands).toEqual(['serve', 'sequence', 'diff', 'tail', 'send', 'keygen', 'help']);
  });

  it.each(['serve', 'sequence', 'diff', 'tail', 'send', 'keygen'])('has --help for %s with usage and examples', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: miroscope ${command} `));
    expect(result.stdout).toContain('Example');
  });
});
