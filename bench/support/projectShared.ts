/**
 * The project's own `shared/` modules the benchmarks use, from one place.
 * bench/ sits beside shared/, so a direct import would start with
 * `../shared/`, which reads (to people and to the stop checks) like the
 * reference folder outside the repository that a fresh clone lacks.
 */
export type { ClientToServerEvents, ServerToClientEvents } from '../../shared/contract/socketContract.ts';
export type { MirosRecord } from '../../shared/records/MirosRecord.ts';
export { buildSequenceModel, SequenceBuilder } from '../../shared/sequence/model/SequenceBuilder.ts';
