/**
 * `miroscope/net`: charts on miros-rabbitmq's networks. A NetworkedActiveObject
 * or NetworkedFactory is the runtime's chart plus the mesh (events between
 * charts) and the two snoop networks (live trace and spy), on the same
 * Fernet-encrypted RabbitMQ exchanges and pickles as Python's, so the two
 * kinds of chart share one network.
 *
 * What is exported here is what a chart author touches: the two charts and
 * their options, Fernet for keys, and the transports to inject (an
 * InProcessBus runs a network inside one process, with no broker). The
 * codec, decoders and the server's listener stay internal.
 *
 * @module miroscope/net
 */
export { NetworkedActiveObject } from './charts/NetworkedActiveObject.ts';
export { NetworkedFactory } from './charts/NetworkedFactory.ts';
export type { NetworkedChartOptions, NetworkKey } from './charts/NetworkedChartOptions.ts';
export type { NetworkedChart } from './charts/withNetwork.ts';
export type { ChartNetwork, ChartNetworkCounters, NetworkMessageCallback, SnoopMessageCallback } from './charts/ChartNetwork.ts';
export type { SourceTally } from './charts/SeqGaps.ts';
export type { SnoopNetwork } from './charts/formatSnoopLine.ts';
export type { BodyFormat } from './decodeBody.ts';
export type { MirosNetwork } from './mirosTopology.ts';
export { Fernet, type DecryptOptions, type EncryptOptions, type FernetKeyInput } from './fernet/Fernet.ts';
export { FernetError, type FernetFailure } from './fernet/FernetError.ts';
export type { AmqpConnect } from './transport/AmqpLink.ts';
export { AmqpTransport, DEFAULT_AMQP_URL, DEFAULT_PREFETCH, type AmqpTransportOptions } from './transport/AmqpTransport.ts';
export type { BackoffPolicy } from './transport/backoffDelay.ts';
export { InProcessBroker, InProcessBus, type InProcessBusOptions } from './transport/InProcessBus.ts';
export type {
  Delivery,
  DeliveryHandler,
  HandlerOutcome,
  PublishProps,
  PublishResult,
  Subscription,
  Transport,
  TransportCounters,
  TransportEvents,
  TransportState,
  TypedFieldValue,
} from './transport/Transport.ts';
// The records a chart's network callbacks receive (the server's one record type).
export {
  RECORD_VERSION,
  type MeshRecord,
  type MetaEvent,
  type MetaRecord,
  type MirosRecord,
  type RecordKind,
  type SpyRecord,
  type TraceRecord,
  type UnnumberedRecord,
} from '../../shared/records/MirosRecord.ts';
export { TransportClosedError } from './transport/TransportClosedError.ts';
