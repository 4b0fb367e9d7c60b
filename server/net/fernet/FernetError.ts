/**
 * Why a Fernet key or token was refused.
 *
 * Python's `cryptography` raises one `InvalidToken` for every failure; we keep
 * the precise reason so a rejected message can be counted and shown by cause
 * (a wrong key on one node looks very different from a truncated body).
 */
export type FernetFailure =
  /** The key text is not url-safe base64 of exactly 32 bytes. */
  | 'invalid-key'
  /** The token is not url-safe base64 with `=` padding. */
  | 'invalid-base64'
  /** The first byte is not the version 0x80. */
  | 'bad-version'
  /** Fewer bytes than version + time + iv + one block + hmac. */
  | 'too-short'
  /** The ciphertext is not a whole number of AES blocks. */
  | 'not-block-aligned'
  /** The HMAC does not match under any of the keys (wrong key or tampered). */
  | 'bad-mac'
  /** Authentic, but the plaintext's PKCS7 padding is broken. */
  | 'bad-padding'
  /** Authentic, but older than the TTL the caller asked for. */
  | 'expired'
  /** Authentic, but stamped further in the future than the allowed clock skew. */
  | 'future-timestamp';

/**
 * A token that could not be decrypted, with the reason (wrong key, bad token, expired …).
 *
 * @remarks miros-rabbitmq: `cryptography.fernet.InvalidToken`, one error for every failure; here
 * `reason` says which.
 */
export class FernetError extends Error {
  override readonly name = 'FernetError';
  constructor(
    readonly reason: FernetFailure,
    message: string,
  ) {
    super(message);
  }
}
