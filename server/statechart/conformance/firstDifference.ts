/**
 * The first place two JSON values differ, as a path and both values
 * (`spy[4]: expected "EXIT_SIGNAL:a" got "EXIT_SIGNAL:b"`), or null when
 * equal. Object keys are compared as sets: a missing key is a difference.
 */
export function firstDifference(expected: unknown, actual: unknown, path = ''): string | null {
  if (Object.is(expected, actual)) return null;
  const where = path === '' ? 'value' : path;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const shared = Math.min(expected.length, actual.length);
    for (let i = 0; i < shared; i++) {
      const inner = firstDifference(expected[i], actual[i], `${path}[${i}]`);
      if (inner) return inner;
    }
    if (expected.length !== actual.length) {
      const extra = expected.length > actual.length ? `missing ${show(expected[shared])}` : `unexpected ${show(actual[shared])}`;
      return `${path}[${shared}]: ${extra} (expected ${expected.length} items, got ${actual.length})`;
    }
    return null;
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) {
      const inner = firstDifference(expected[key], actual[key], path === '' ? key : `${path}.${key}`);
      if (inner) return inner;
    }
    return null;
  }
  return `${where}: expected ${show(expected)} got ${show(actual)}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 200 ? text.slice(0, 200) + '…' : text;
}
