// The rule registry: every rule file, in the order rules run and are documented.
import type { Rule } from '../rule';
import addInsteadOfCopy from './add-instead-of-copy';
import aptGetMissingNoInstallRecommends from './apt-get-missing-no-install-recommends';
import aptGetMissingYes from './apt-get-missing-yes';
import aptGetUpdateAlone from './apt-get-update-alone';
import aptListsNotRemoved from './apt-lists-not-removed';
import baseImageLatest from './base-image-latest';
import baseImageUntagged from './base-image-untagged';
import cleanupInSeparateLayer from './cleanup-in-separate-layer';
import consecutiveRun from './consecutive-run';
import instructionBeforeFrom from './instruction-before-from';
import invalidSyntax from './invalid-syntax';
import legacyKeyValueFormat from './legacy-key-value-format';
import maintainerDeprecated from './maintainer-deprecated';
import runsAsRoot from './runs-as-root';
import shellFormCmd from './shell-form-cmd';

export const allRules: readonly Rule[] = [
  invalidSyntax,
  instructionBeforeFrom,
  baseImageUntagged,
  baseImageLatest,
  runsAsRoot,
  shellFormCmd,
  consecutiveRun,
  cleanupInSeparateLayer,
  aptGetUpdateAlone,
  aptGetMissingYes,
  aptGetMissingNoInstallRecommends,
  aptListsNotRemoved,
  addInsteadOfCopy,
  maintainerDeprecated,
  legacyKeyValueFormat,
];

const byId = new Map<string, Rule>();
const byAlias = new Map<string, Rule>();
for (const r of allRules) {
  byId.set(r.meta.id, r);
  if (r.meta.aliases.hadolint) byAlias.set(r.meta.aliases.hadolint.toUpperCase(), r);
  if (r.meta.aliases.buildkit) byAlias.set(r.meta.aliases.buildkit.toUpperCase(), r);
}

/** Finds a rule by id, hadolint code (DL3059) or BuildKit check name, case-insensitively for aliases. */
export function findRule(idOrAlias: string): Rule | undefined {
  return byId.get(idOrAlias) ?? byAlias.get(idOrAlias.toUpperCase());
}
