/**
 * Timer periods of the charger demo, in seconds, scaled for tests. Python's
 * `random.uniform` stands in for the variation a real site has.
 */
export type Period = () => number;

export function periodBetween(low: number, high: number, scale: number): Period {
  return () => (low + Math.random() * (high - low)) * scale;
}
