/**
 * Why a message from the network was not turned into records. Every reason
 * is counted and can become a visible `meta` record; nothing is dropped
 * silently, and nothing that failed a check is looked at any further (a
 * body that does not verify is never unpickled).
 */
import type { MetaRecord } from '../../shared/records/MirosRecord.ts';
import { RECORD_VERSION } from '../../shared/records/MirosRecord.ts';
import type { MirosNetwork } from './mirosTopology.ts';

export type RejectReason =
  /** Larger than the body cap (checked before anything else). */
  | 'oversized'
  /** Not a well-formed Fernet token (base64, version, length, padding). */
  | 'bad-token'
  /** A well-formed token whose HMAC fails under every key we hold. */
  | 'wrong-key'
  /** Authentic but older than the configured TTL. */
  | 'expired'
  /** The decrypted body is not a readable pickle (or JSON body). */
  | 'bad-pickle'
  /** The pickle tries to import or call something. */
  | 'forbidden-opcode'
  /** Plain data, but not the item this network carries. */
  | 'bad-shape'
  // ── budgets (server/config/messageBudgets.ts): a well-formed message that costs too much ──
  /** Lists, dicts or JSON nest deeper than `maxDepth` (in the body or in a mesh event's JSON). */
  | 'too-deep'
  /** The pickle builds more than `maxItems` values. */
  | 'too-many-items'
  /** The message would become more than `maxRecordsPerMessage` records. */
  | 'too-many-records'
  /** A mesh event's signal name is longer than `maxSignalNameChars`. */
  | 'signal-name-too-long'
  /** A record's JSON line is longer than `maxRecordChars`. */
  | 'record-too-large'
  /** The decoder failed in a way it does not name (a bug); counted, never thrown. */
  | 'decoder-error';

export interface WireRejection {
  reason: RejectReason;
  network: MirosNetwork;
  /** Human-readable cause; never contains keys or message contents beyond a short excerpt. */
  detail: string;
}

/** A rejection as the `meta` record the relay shows and the recorder keeps. */
export function rejectionRecord(rejection: WireRejection, received: number, node: string | null = null): Omit<MetaRecord, 'seq'> {
  return {
    v: RECORD_VERSION,
    kind: 'meta',
    event: 'rejected',
    reason: rejection.reason,
    network: rejection.network,
    detail: rejection.detail,
    chart: null,
    node,
    time: null,
    received,
    raw: `rejected ${rejection.network} message: ${rejection.reason}`,
  };
}
