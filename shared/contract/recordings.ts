/**
 * A recording as the server lists it (`GET /api/recordings`): what the
 * recorder knows about one JSON-lines file without reading it whole. One
 * definition for the server's RecordingStore, which makes these, and the
 * dashboard's recordings menu, which shows them.
 */
export interface RecordingInfo {
  name: string;
  bytes: number;
  records: number;
  /** `received` of the first and last record (epoch ms), null for an empty file. */
  firstReceived: number | null;
  lastReceived: number | null;
  /** File modification time (epoch ms). */
  modified: number;
  /** True for the recording the running session is writing. */
  live: boolean;
}
