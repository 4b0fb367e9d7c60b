/** A decrypted body that is neither a readable pickle nor JSON. */
export class BodyFormatError extends Error {
  override readonly name = 'BodyFormatError';
  constructor(
    readonly code: 'empty' | 'bad-json' | 'too-deep' | 'too-many-items',
    message: string,
  ) {
    super(message);
  }
}
