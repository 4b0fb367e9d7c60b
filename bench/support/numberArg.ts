/**
 * A numeric command-line option of a benchmark: `--name value`, or the
 * fallback when the option is absent (`npm run bench -- wire --count 5000`).
 */
export function numberArg(args: readonly string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}
