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
import templateFile from './template-file';
import legacyKeyValueFormat from './legacy-key-value-format';
import maintainerDeprecated from './maintainer-deprecated';
import runsAsRoot from './runs-as-root';
import lastUserRoot from './last-user-root';
import shellFormCmd from './shell-form-cmd';
import apkAddMissingNoCache from './apk-add-missing-no-cache';
import pipInstallMissingNoCacheDir from './pip-install-missing-no-cache-dir';
import yarnCacheNotCleaned from './yarn-cache-not-cleaned';
import sudoInRun from './sudo-in-run';
import multipleCmd from './multiple-cmd';
import multipleEntrypoint from './multiple-entrypoint';
import multipleHealthcheck from './multiple-healthcheck';
import secretInArgOrEnv from './secret-in-arg-or-env';
import secretFileCopied from './secret-file-copied';
import addUrlWithoutChecksum from './add-url-without-checksum';
import curlPipeToShell from './curl-pipe-to-shell';
import missingHealthcheck from './missing-healthcheck';
import jvmFixedHeap from './jvm-fixed-heap';
import deprecatedBaseImage from './deprecated-base-image';
import eolBaseImage from './eol-base-image';
import fullBaseImageInFinalStage from './full-base-image-in-final-stage';
import buildToolchainInFinalStage from './build-toolchain-in-final-stage';
import copyAllBeforeDependencyInstall from './copy-all-before-dependency-install';
import pipeWithoutPipefail from './pipe-without-pipefail';
import yumMissingYes from './yum-missing-yes';
import yumCacheNotCleaned from './yum-cache-not-cleaned';
import dnfMissingYes from './dnf-missing-yes';
import dnfCacheNotCleaned from './dnf-cache-not-cleaned';
import zypperMissingNonInteractive from './zypper-missing-non-interactive';
import zypperCacheNotCleaned from './zypper-cache-not-cleaned';
import zypperDistUpgrade from './zypper-dist-upgrade';
import missingDockerignore from './missing-dockerignore';
import chownAfterCopy from './chown-after-copy';
import npmInstallInsteadOfCi from './npm-install-instead-of-ci';
import pointlessCommandInContainer from './pointless-command-in-container';
import cdInRun from './cd-in-run';
import aptInsteadOfAptGet from './apt-instead-of-apt-get';
import useraddHighUidWithoutL from './useradd-high-uid-without-l';
import wgetWithoutProgress from './wget-without-progress';
import wgetAndCurl from './wget-and-curl';
import lnBinSh from './ln-bin-sh';
import shellFormInShellLessImage from './shell-form-in-shell-less-image';
import namedUserInShellLessImage from './named-user-in-shell-less-image';
import cgoBinaryInStaticImage from './cgo-binary-in-static-image';
import aptGetUnpinnedPackage from './apt-get-unpinned-package';
import apkAddUnpinnedPackage from './apk-add-unpinned-package';
import pipUnpinnedPackage from './pip-unpinned-package';
import npmUnpinnedPackage from './npm-unpinned-package';
import gemUnpinnedPackage from './gem-unpinned-package';
import goUnpinnedPackage from './go-unpinned-package';
import yumUnpinnedPackage from './yum-unpinned-package';
import dnfUnpinnedPackage from './dnf-unpinned-package';
import zypperUnpinnedPackage from './zypper-unpinned-package';
import copyArchiveThenExtract from './copy-archive-then-extract';
import exposePortOutOfRange from './expose-port-out-of-range';
import copyMultipleSourcesWithoutSlash from './copy-multiple-sources-without-slash';
import copyFromUnknownStage from './copy-from-unknown-stage';
import copyFromOwnStage from './copy-from-own-stage';
import trustedRegistry from './trusted-registry';
import onbuildForbiddenTrigger from './onbuild-forbidden-trigger';
import envSelfReference from './env-self-reference';
import copyRelativeWithoutWorkdir from './copy-relative-without-workdir';
import userNonNumeric from './user-non-numeric';
import copyEntireFilesystem from './copy-entire-filesystem';
import inlineIgnorePragma from './inline-ignore-pragma';
import unknownRuleInPragma from './unknown-rule-in-pragma';
import labelKeyInvalid from './label-key-invalid';
import labelMissing from './label-missing';
import labelNotInSchema from './label-not-in-schema';
import labelEmpty from './label-empty';
import labelInvalidUrl from './label-invalid-url';
import labelInvalidRfc3339 from './label-invalid-rfc3339';
import labelInvalidSpdx from './label-invalid-spdx';
import labelInvalidHash from './label-invalid-hash';
import labelInvalidSemver from './label-invalid-semver';
import labelInvalidEmail from './label-invalid-email';
import duplicateStageName from './duplicate-stage-name';
import reservedStageName from './reserved-stage-name';
import exposeProtocolCasing from './expose-protocol-casing';
import redundantTargetPlatform from './redundant-target-platform';
import workdirRelativePath from './workdir-relative-path';
import fromPlatformConstant from './from-platform-constant';
import fromAsCasing from './from-as-casing';
import exposeInvalidFormat from './expose-invalid-format';
import stageNameCasing from './stage-name-casing';
import noEmptyContinuation from './no-empty-continuation';
import instructionCasing from './instruction-casing';
import undefinedArgInFrom from './undefined-arg-in-from';
import invalidDefaultArgInFrom from './invalid-default-arg-in-from';
import undefinedVar from './undefined-var';
import copyIgnoredFile from './copy-ignored-file';
import invalidDefinitionDescription from './invalid-definition-description';

export const allRules: readonly Rule[] = [
  invalidSyntax,
  templateFile,
  instructionBeforeFrom,
  baseImageUntagged,
  baseImageLatest,
  runsAsRoot,
  lastUserRoot,
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
  apkAddMissingNoCache,
  pipInstallMissingNoCacheDir,
  yarnCacheNotCleaned,
  sudoInRun,
  multipleCmd,
  multipleEntrypoint,
  multipleHealthcheck,
  secretInArgOrEnv,
  secretFileCopied,
  addUrlWithoutChecksum,
  curlPipeToShell,
  missingHealthcheck,
  jvmFixedHeap,
  deprecatedBaseImage,
  eolBaseImage,
  fullBaseImageInFinalStage,
  buildToolchainInFinalStage,
  copyAllBeforeDependencyInstall,
  pipeWithoutPipefail,
  yumMissingYes,
  yumCacheNotCleaned,
  dnfMissingYes,
  dnfCacheNotCleaned,
  zypperMissingNonInteractive,
  zypperCacheNotCleaned,
  zypperDistUpgrade,
  missingDockerignore,
  chownAfterCopy,
  npmInstallInsteadOfCi,
  shellFormInShellLessImage,
  namedUserInShellLessImage,
  cgoBinaryInStaticImage,
  pointlessCommandInContainer,
  cdInRun,
  aptInsteadOfAptGet,
  useraddHighUidWithoutL,
  wgetWithoutProgress,
  wgetAndCurl,
  lnBinSh,
  aptGetUnpinnedPackage,
  apkAddUnpinnedPackage,
  pipUnpinnedPackage,
  npmUnpinnedPackage,
  gemUnpinnedPackage,
  goUnpinnedPackage,
  yumUnpinnedPackage,
  dnfUnpinnedPackage,
  zypperUnpinnedPackage,
  copyArchiveThenExtract,
  exposePortOutOfRange,
  copyMultipleSourcesWithoutSlash,
  copyFromUnknownStage,
  copyFromOwnStage,
  trustedRegistry,
  onbuildForbiddenTrigger,
  envSelfReference,
  copyRelativeWithoutWorkdir,
  userNonNumeric,
  copyEntireFilesystem,
  inlineIgnorePragma,
  unknownRuleInPragma,
  labelKeyInvalid,
  labelMissing,
  labelNotInSchema,
  labelEmpty,
  labelInvalidUrl,
  labelInvalidRfc3339,
  labelInvalidSpdx,
  labelInvalidHash,
  labelInvalidSemver,
  labelInvalidEmail,
  duplicateStageName,
  reservedStageName,
  exposeProtocolCasing,
  redundantTargetPlatform,
  workdirRelativePath,
  fromPlatformConstant,
  fromAsCasing,
  exposeInvalidFormat,
  stageNameCasing,
  noEmptyContinuation,
  instructionCasing,
  undefinedArgInFrom,
  invalidDefaultArgInFrom,
  undefinedVar,
  copyIgnoredFile,
  invalidDefinitionDescription,
];

const byId = new Map<string, Rule>();
const byAlias = new Map<string, Rule[]>();
for (const r of allRules) {
  byId.set(r.meta.id, r);
  for (const alias of [r.meta.aliases.hadolint, r.meta.aliases.buildkit]) {
    if (!alias) continue;
    const key = alias.toUpperCase();
    byAlias.set(key, [...(byAlias.get(key) ?? []), r]);
  }
}

/**
 * Every rule a name stands for: an id, a hadolint code (DL3059) or a BuildKit check name. One BuildKit
 * check can cover several rules (MultipleInstructionsDisallowed is DL4003, DL4004 and DL3012).
 */
export function findRules(idOrAlias: string): Rule[] {
  const rule = byId.get(idOrAlias);
  return rule ? [rule] : byAlias.get(idOrAlias.toUpperCase()) ?? [];
}

/** The rule a name stands for, when it stands for exactly one. */
export function findRule(idOrAlias: string): Rule | undefined {
  const rules = findRules(idOrAlias);
  return rules.length === 1 ? rules[0] : undefined;
}
