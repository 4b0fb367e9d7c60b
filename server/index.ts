/**
 * `miroscope`: the statechart runtime (a TypeScript port of miros) and the
 * networked charts (miros-rabbitmq's wire format), in one import:
 *
 *   import { ActiveObject, Event, NetworkedActiveObject, ReturnStatus, signals, spyOn } from 'miroscope';
 *
 * The same names come from `miroscope/statechart` (the runtime alone, no
 * AMQP client loaded) and `miroscope/net` (the networked charts).
 *
 * @module miroscope
 */
export * from './statechart/index.ts';
export * from './net/index.ts';
