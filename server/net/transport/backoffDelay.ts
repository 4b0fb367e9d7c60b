/**
 * How long to wait before reconnect attempt `attempt` (1-based): exponential
 * growth from `initialMs` by `factor`, spread by ±`jitter` so a fleet of
 * nodes does not hammer a returning broker in step, and never above `maxMs`.
 *
 * Pure (the random source is a parameter) so the policy is tested without
 * timers. Like amqplib's recovery, the base is capped at max/(1+jitter) so
 * the jittered value stays under the cap without piling up on it.
 */
export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
  factor: number;
  /** 0..1: the fraction of the delay to spread either way. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { initialMs: 100, maxMs: 5_000, factor: 2, jitter: 0.2 };

export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const n = Math.max(1, Math.floor(attempt));
  const base = Math.min(policy.maxMs / (1 + policy.jitter), policy.initialMs * policy.factor ** (n - 1));
  const spread = base * policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.min(policy.maxMs, Math.round(base + spread)));
}
