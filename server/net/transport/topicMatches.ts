/**
 * RabbitMQ topic matching: words are separated by `.`, `*` in a binding
 * pattern matches exactly one word and `#` zero or more. Used by the
 * in-process bus so it routes exactly as the broker does.
 *
 * Dynamic programming over (pattern word, key word) keeps patterns with
 * several `#` linear-ish instead of exponential.
 */
export function topicMatches(pattern: string, routingKey: string): boolean {
  const words = (text: string) => (text === '' ? [] : text.split('.'));
  const p = words(pattern);
  const k = words(routingKey);
  // can[i][j]: pattern words from i match key words from j.
  let next: boolean[] = new Array(k.length + 1).fill(false);
  next[k.length] = true;
  for (let i = p.length - 1; i >= 0; i--) {
    const here: boolean[] = new Array(k.length + 1).fill(false);
    for (let j = k.length; j >= 0; j--) {
      const word = p[i];
      if (word === '#') here[j] = next[j]! || (j < k.length && here[j + 1]!);
      else here[j] = j < k.length && (word === '*' || word === k[j]) && next[j + 1]!;
    }
    next = here;
  }
  return next[0]!;
}
