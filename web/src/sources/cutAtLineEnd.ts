/**
 * Where to cut a file into two parts that each hold whole lines: just after
 * the first line end at or past `at`. A cut after byte 0x0A never splits a
 * UTF-8 sequence (no multi-byte sequence contains that byte). Null when no
 * line end lies within `look` bytes of `at` (one enormous line: not worth a
 * second worker).
 */
export async function cutAtLineEnd(file: Blob, at: number, look = 1 << 16): Promise<number | null> {
  const bytes = new Uint8Array(await file.slice(at, Math.min(file.size, at + look)).arrayBuffer());
  const k = bytes.indexOf(10);
  if (k < 0) return null;
  const cut = at + k + 1;
  return cut < file.size ? cut : null;
}
