/**
 * The statechart runtime's public surface: a TypeScript port of miros, with
 * miros's event processor, queues, active objects, Factory, spy and trace
 * (see each name's miros counterpart). It loads no AMQP client. Import from
 * here (`miroscope/statechart` in the package); the other files are the
 * implementation, one concept each.
 *
 * @module miroscope/statechart
 */
export { ActiveFabric, activeFabric, type ActiveFabricOptions, type FabricSubscriber } from './ActiveFabric.ts';
export { ActiveObject, type ActiveObjectOptions, type TimedPostOptions } from './ActiveObject.ts';
export type { BoundedDeque } from './BoundedDeque.ts';
export type { ChartListener, ChartObservation } from './ChartObservation.ts';
export type { Clock, TimerHandle } from './Clock.ts';
export { defaultActiveObjectName } from './defaultActiveObjectName.ts';
export { Event } from './Event.ts';
export { Factory, StateBlueprint, type FactoryCallback } from './Factory.ts';
export { formatTimestamp } from './formatTimestamp.ts';
export { formatTraceLine } from './formatTraceLine.ts';
export type { TraceEntry } from './TraceRing.ts';
export { HsmEventProcessor } from './HsmEventProcessor.ts';
export { HsmWithQueues, type HsmWithQueuesOptions } from './HsmWithQueues.ts';
export type { InstrumentationOptions } from './Instrumentation.ts';
export type { QueueType, TimedPostSpec, TimerRecord } from './PostedEventTimers.ts';
export type { CallProbe, DispatchedProbe, DispatchProbe, Probe, ProbeEvent, ReturnProbe } from './ProbeEvent.ts';
export { RealClock, realClock } from './RealClock.ts';
export { ReturnStatus, type ReturnStatusCode } from './returnStatus.ts';
export { RESERVED_SIGNALS, SignalRegistry, type SignalRegistryOptions } from './SignalRegistry.ts';
export { signalRegistry, signals, type Signals } from './signals.ts';
export { spyOn } from './spyOn.ts';
export {
  ChartLifecycleError,
  EventDecodeError,
  FactoryError,
  HsmTopologyError,
  QueueOverflowError,
  StatechartError,
  StateNotActiveError,
  TimerResourcesExhaustedError,
  UnknownSignalError,
} from './StatechartError.ts';
export { isSpied, stateNameOf, type SpiedState, type StateHandler } from './StateHandler.ts';
export { VirtualClock } from './VirtualClock.ts';
