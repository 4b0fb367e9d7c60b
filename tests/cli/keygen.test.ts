import { describe, expect, it } from 'vitest';
import { Fernet } from '../../server/net/fernet/Fernet.ts';
import { runCli } from './support/runCli.ts';

describe('miroscope keygen', () => {
  it('prints a new Fernet key that encrypts and decrypts', async () => {
    const first = await runCli(['keygen']);
    const second = await runCli(['keygen']);
    expect(first.code).toBe(0);
    const key = first.stdout.trim();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}=$/);
    expect(second.stdout.trim()).not.toBe(key);
    const fernet = new Fernet(key);
    expect(fernet.decrypt(fernet.encrypt('hello')).toString()).toBe('hello');
  });
});
