/**
 * `miroscope serve --budget name=value …`: the command-line form of
 * MessageBudgets. Values are integers (`_` allowed as a separator); the
 * names and checks are resolveBudgets', so a typo is refused with the list
 * of real names instead of being ignored.
 */
import { BudgetError, DEFAULT_MESSAGE_BUDGETS, resolveBudgets, type MessageBudgets } from './messageBudgets.ts';

export function parseBudgetFlags(flags: readonly string[] = []): MessageBudgets {
  const overrides: Partial<Record<keyof MessageBudgets, number>> = {};
  for (const flag of flags) {
    const match = /^(\w+)=([\d_]+)$/.exec(flag);
    if (!match) throw new BudgetError(`--budget takes name=integer, got "${flag}"`);
    const name = match[1] as keyof MessageBudgets;
    if (!(name in DEFAULT_MESSAGE_BUDGETS)) {
      throw new BudgetError(`unknown budget "${name}"; the budgets are ${Object.keys(DEFAULT_MESSAGE_BUDGETS).join(', ')}`);
    }
    overrides[name] = Number(match[2]!.replace(/_/g, ''));
  }
  return resolveBudgets(overrides);
}
