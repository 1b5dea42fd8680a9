/** Rule lists an admin replaces as a whole (sampling, auto-QA) name each rule once. */
import type { z } from 'zod';

/** Adds an issue at `rules.<index>.id` for every rule whose id came earlier in the list. */
export function refineUniqueRuleIds(rules: readonly { id: string }[], issues: z.RefinementCtx): void {
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    if (seen.has(rule.id))
      issues.addIssue({
        code: 'custom',
        path: ['rules', index, 'id'],
        message: `rule ${rule.id} appears twice`,
      });
    seen.add(rule.id);
  });
}
