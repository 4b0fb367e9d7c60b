/** The private RabbitMQ node of this fault-test run (started by privateBroker.setup.ts). */
import { inject } from 'vitest';
import { RabbitNode } from '../support/RabbitNode.ts';

export function faultBroker(): RabbitNode {
  return RabbitNode.attach(inject('faultBroker'));
}
