/**
 * The letter of the k-th chart (0-based): A … Z, then AA, AB … as
 * spreadsheet columns are named. The seed page titles its hand-numbered
 * diagrams `[Statechart: 04ccc_ao] (A)` and `(B)`; we do the same.
 */
export function chartLetter(index: number): string {
  let letters = '';
  for (let k = index + 1; k > 0; k = Math.floor((k - 1) / 26)) {
    letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  }
  return letters;
}
