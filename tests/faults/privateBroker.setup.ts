/**
 * Starts the private RabbitMQ node every fault test drives (stops, restarts,
 * floods), once per run, and removes it after. Tests reach it with
 * `faultBroker()`; the machine's shared broker is never used here.
 */
import type { TestProject } from 'vitest/node';
import { RabbitNode, type RabbitNodeAddress } from '../support/RabbitNode.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    faultBroker: RabbitNodeAddress;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const orphans = await RabbitNode.removeOrphans('miroscope-faults-');
  if (orphans.length > 0) console.log(`[faults] removed private nodes left by killed runs: ${orphans.join(', ')}`);
  const startedAt = Date.now();
  const node = await RabbitNode.start({ name: `miroscope-faults-${process.pid}` });
  console.log(`[faults] private RabbitMQ ${node.nodeName} on 127.0.0.1:${node.port} started in ${Date.now() - startedAt} ms`);
  project.provide('faultBroker', node.address());
  return () => node.remove();
}
