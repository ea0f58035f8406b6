// Rules by id or alias. The tables are built on first use: rule files import modules that import this one, so
// nothing here may read the registry while the modules load.
import type { Rule } from './rule';
import { allRules } from './rules';

let byId: Map<string, Rule> | undefined;
let byAlias: Map<string, Rule[]> | undefined;

function tables(): { byId: Map<string, Rule>; byAlias: Map<string, Rule[]> } {
  if (!byId || !byAlias) {
    byId = new Map();
    byAlias = new Map();
    for (const r of allRules) {
      byId.set(r.meta.id, r);
      for (const alias of [r.meta.aliases.hadolint, r.meta.aliases.buildkit]) {
        if (!alias) continue;
        const key = alias.toUpperCase();
        byAlias.set(key, [...(byAlias.get(key) ?? []), r]);
      }
    }
  }
  return { byId, byAlias };
}

/**
 * Every rule a name stands for: an id, a hadolint code (DL3059) or a BuildKit check name. One BuildKit
 * check can cover several rules (MultipleInstructionsDisallowed is DL4003, DL4004 and DL3012).
 */
export function findRules(idOrAlias: string): Rule[] {
  const { byId, byAlias } = tables();
  const rule = byId.get(idOrAlias);
  return rule ? [rule] : byAlias.get(idOrAlias.toUpperCase()) ?? [];
}

/** The rule a name stands for, when it stands for exactly one. */
export function findRule(idOrAlias: string): Rule | undefined {
  const rules = findRules(idOrAlias);
  return rules.length === 1 ? rules[0] : undefined;
}
