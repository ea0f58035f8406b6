// Profiles: named tables of rule severities, the lowest layer of severity resolution (see resolve.ts).
// A rule's own severity (`meta.defaultSeverity`) is what `strict` uses; every other profile is a table of
// differences from it. The recommended table is the product's default: edit it here, then the test that pins
// it (test/unit/profiles.test.ts), and run `npm run gen` (docs/profiles.md, the README, the rule pages).
import type { RuleMeta, SeverityOrOff } from '../types';
import { allRules } from '../rules';
import { defineStrings, localize } from '../i18n/catalog';
import type { Locale } from '../i18n/locale';

export const PROFILE_NAMES = ['recommended', 'strict', 'modern', 'hadolint', 'buildkit'] as const;
export type ProfileName = (typeof PROFILE_NAMES)[number];
export const DEFAULT_PROFILE: ProfileName = 'recommended';

/** The English texts of the profiles: one line per profile, and the reasons a profile departs from `strict`. */
export const PROFILE_STRINGS = defineStrings({
  'profile.summary.recommended': 'The default: the rules that are right on real Dockerfiles, errors only for what Docker rejects or what breaks at run time.',
  'profile.summary.strict': 'Every rule at its own severity, including the opinionated ones (version pins, casing, HEALTHCHECK, WORKDIR over `cd`).',
  'profile.summary.modern': 'Recommended, for builds that keep package caches in BuildKit cache mounts (`RUN --mount=type=cache`) instead of deleting them.',
  'profile.summary.hadolint': 'hadolint\'s own defaults: the rules with a DL code, at hadolint\'s severity; the others off. For teams that migrate.',
  'profile.summary.buildkit': 'Docker\'s build checks, as warnings the way `docker build --check` reports them, plus the errors: what Docker refuses to build or what fails when the container starts. Nothing else.',
  'profile.reason.distroPin': 'Distribution mirrors drop superseded package versions, so an exact pin fails a later build; pin the base image (tag or digest) instead.',
  'profile.reason.languagePin': 'Projects usually pin these in a lock or requirements file; a version on the command line is a choice, not a defect.',
  'profile.reason.casing': 'Casing is style: Docker reads it in any casing.',
  'profile.reason.cacheMount': 'A BuildKit cache mount keeps the cache out of the image, and deleting it would only empty the cache.',
  'profile.reason.legacyKeyValueFormat': 'Docker still accepts the space-separated form and only warns about it.',
  'profile.reason.maintainerDeprecated': 'MAINTAINER still works; it is only deprecated.',
  'profile.reason.stageNameCasing': 'BuildKit lowercases stage names itself, so the casing is style.',
  'profile.reason.exposeProtocolCasing': 'Docker lowercases the protocol itself, so the casing is style.',
  'profile.reason.cdInRun': 'A `cd` that lasts for one RUN is ordinary shell practice; WORKDIR is a matter of style there.',
  'profile.reason.missingHealthcheck': 'Orchestrators such as Kubernetes probe containers themselves and ignore HEALTHCHECK.',
  'profile.reason.inlineIgnorePragma': 'A pragma records a reviewed exception; forbidding pragmas is a team\'s policy.',
  'profile.reason.invalidDefinitionDescription': 'Experimental in BuildKit, and a comment convention rather than a defect.',
  'profile.reason.runsAsRoot': 'Root is often the design (Docker in Docker, VPNs and packet capture, daemons that drop privileges in their own config, base images to build on): right half the time on real files.',
  'profile.reason.userNonNumeric': 'A user name runs the same as its UID; only a Kubernetes runAsNonRoot check tells them apart, and desktop tools and samples never meet one.',
  'profile.reason.consecutiveRun': 'Separate RUNs are usually deliberate (cache reuse, readable steps); an extra layer costs space only when a later RUN removes what an earlier one made.',
  'profile.reason.pipeWithoutPipefail': 'On real files the RUN usually fails anyway when the download does (the next command needs what it fetched, or the reader rejects empty input): right less than half the time.',
  'profile.reason.buildToolchainInFinalStage': 'Some images need their toolchain when they run (modules built at start, benchmarks, R or PHP packages from source): right about three times in four on real files.',
  'profile.reason.chownAfterCopy': 'The chown usually also covers what earlier RUNs made or a user created after the COPY: right about half the time on real files.',
  'profile.reason.labelKeyInvalid': 'Label keys are read by the tools that set them (`registry_image` for a deploy script); the reverse-DNS convention is advice, not a defect.',
  'profile.reason.wgetWithoutProgress': 'Without a terminal GNU wget prints dots and BusyBox wget a line a second: a longer build log, nothing in the image.',
  'profile.reason.wgetAndCurl': 'Which tool a step downloads with is taste when one of them is BusyBox\'s built-in wget or both are removed in the same RUN.',
  'profile.reason.cacheMountModern': 'Cache mounts need BuildKit and a builder that keeps its cache between builds; the `modern` profile turns this on.',
  'profile.reason.stylePack': 'A style pack: it changes how the file reads, not what it builds; the `strict` profile turns it on.',
  'profile.reason.cleanupInSeparateLayer': 'With cache mounts nothing is cleaned up, in any layer.',
  'profile.reason.preview': 'A preview rule: it is on by default once the precision ledger shows it right on real files at least nine times in ten.',
  'profile.reason.noHadolintCheck': 'hadolint has no such check.',
  'profile.reason.hadolintDefault': 'hadolint\'s default for {code}.',
  'profile.reason.notBuildkitCheck': 'Not one of BuildKit\'s checks.',
  'profile.reason.buildkitExperimental': '{check} is experimental in BuildKit.',
  'profile.reason.buildkitWarnings': 'BuildKit reports its checks as warnings.',
});
type ProfileStringId = keyof typeof PROFILE_STRINGS;

/** One line per profile, for docs/profiles.md, `--help` and the setting's description. */
export function profileSummary(profile: ProfileName, locale: Locale = 'en'): string {
  return localize(PROFILE_STRINGS, `profile.summary.${profile}`, locale);
}

/** A profile's setting for one rule, and why it differs from the rule's own severity (a text of PROFILE_STRINGS). */
export interface ProfileEntry { severity: SeverityOrOff; reason: ProfileStringId & `profile.reason.${string}`; data?: Readonly<Record<string, string>> }

/** Why a profile sets a rule as it does, in `locale`. */
export function profileReason(entry: ProfileEntry, locale: Locale = 'en'): string {
  return localize(PROFILE_STRINGS, entry.reason, locale, entry.data);
}

/** Where the default profile differs from `strict`, and why. */
export const RECOMMENDED: Readonly<Record<string, ProfileEntry>> = {
  'apt-get-unpinned-package': { severity: 'off', reason: 'profile.reason.distroPin' },
  'apk-add-unpinned-package': { severity: 'off', reason: 'profile.reason.distroPin' },
  'dnf-unpinned-package': { severity: 'off', reason: 'profile.reason.distroPin' },
  'yum-unpinned-package': { severity: 'off', reason: 'profile.reason.distroPin' },
  'zypper-unpinned-package': { severity: 'off', reason: 'profile.reason.distroPin' },
  'pip-unpinned-package': { severity: 'off', reason: 'profile.reason.languagePin' },
  'npm-unpinned-package': { severity: 'off', reason: 'profile.reason.languagePin' },
  'gem-unpinned-package': { severity: 'off', reason: 'profile.reason.languagePin' },
  'go-unpinned-package': { severity: 'off', reason: 'profile.reason.languagePin' },
  'legacy-key-value-format': { severity: 'info', reason: 'profile.reason.legacyKeyValueFormat' },
  'maintainer-deprecated': { severity: 'info', reason: 'profile.reason.maintainerDeprecated' },
  'instruction-casing': { severity: 'style', reason: 'profile.reason.casing' },
  'from-as-casing': { severity: 'style', reason: 'profile.reason.casing' },
  'stage-name-casing': { severity: 'style', reason: 'profile.reason.stageNameCasing' },
  'expose-protocol-casing': { severity: 'style', reason: 'profile.reason.exposeProtocolCasing' },
  'cd-in-run': { severity: 'off', reason: 'profile.reason.cdInRun' },
  'missing-healthcheck': { severity: 'off', reason: 'profile.reason.missingHealthcheck' },
  'inline-ignore-pragma': { severity: 'off', reason: 'profile.reason.inlineIgnorePragma' },
  'invalid-definition-description': { severity: 'off', reason: 'profile.reason.invalidDefinitionDescription' },
  'runs-as-root': { severity: 'off', reason: 'profile.reason.runsAsRoot' },
  'user-non-numeric': { severity: 'off', reason: 'profile.reason.userNonNumeric' },
  'consecutive-run': { severity: 'off', reason: 'profile.reason.consecutiveRun' },
  'pipe-without-pipefail': { severity: 'off', reason: 'profile.reason.pipeWithoutPipefail' },
  'build-toolchain-in-final-stage': { severity: 'off', reason: 'profile.reason.buildToolchainInFinalStage' },
  'chown-after-copy': { severity: 'off', reason: 'profile.reason.chownAfterCopy' },
  'label-key-invalid': { severity: 'off', reason: 'profile.reason.labelKeyInvalid' },
  'wget-without-progress': { severity: 'off', reason: 'profile.reason.wgetWithoutProgress' },
  'wget-and-curl': { severity: 'off', reason: 'profile.reason.wgetAndCurl' },
  'prefer-cache-mount': { severity: 'off', reason: 'profile.reason.cacheMountModern' },
  'blank-line-between-stages': { severity: 'off', reason: 'profile.reason.stylePack' },
  'sorted-package-list': { severity: 'off', reason: 'profile.reason.stylePack' },
};

/** The rules `modern` turns on that `recommended` keeps off. */
const MODERN_ON: ReadonlySet<string> = new Set(['prefer-cache-mount']);

/** Where `modern` differs from `recommended`: the cleanup rules that a cache mount replaces. */
export const MODERN: Readonly<Record<string, ProfileEntry>> = {
  ...Object.fromEntries(Object.entries(RECOMMENDED).filter(([id]) => !MODERN_ON.has(id))),
  'apt-lists-not-removed': { severity: 'off', reason: 'profile.reason.cacheMount' },
  'apk-add-missing-no-cache': { severity: 'off', reason: 'profile.reason.cacheMount' },
  'pip-install-missing-no-cache-dir': { severity: 'off', reason: 'profile.reason.cacheMount' },
  'yarn-cache-not-cleaned': { severity: 'off', reason: 'profile.reason.cacheMount' },
  'dnf-cache-not-cleaned': { severity: 'off', reason: 'profile.reason.cacheMount' },
  'yum-cache-not-cleaned': { severity: 'off', reason: 'profile.reason.cacheMount' },
  'zypper-cache-not-cleaned': { severity: 'off', reason: 'profile.reason.cacheMount' },
  'cleanup-in-separate-layer': { severity: 'off', reason: 'profile.reason.cleanupInSeparateLayer' },
};

/**
 * hadolint's default severity for each DL code (hadolint 2.15, `severity = DL…C` in each rule's source).
 * `off` where hadolint's severity is `ignore`, which it never reports.
 */
export const HADOLINT_DEFAULTS: Readonly<Record<string, SeverityOrOff>> = {
  DL1000: 'error', DL1001: 'off',
  DL3000: 'error', DL3001: 'info', DL3002: 'warning', DL3003: 'warning', DL3004: 'error', DL3006: 'warning',
  DL3007: 'warning', DL3008: 'warning', DL3009: 'info', DL3010: 'info', DL3011: 'error', DL3012: 'error',
  DL3013: 'warning', DL3014: 'warning', DL3015: 'info', DL3016: 'warning', DL3018: 'warning', DL3019: 'info',
  DL3020: 'error', DL3021: 'error', DL3022: 'warning', DL3023: 'error', DL3024: 'error', DL3025: 'warning',
  DL3026: 'error', DL3027: 'warning', DL3028: 'warning', DL3029: 'warning', DL3030: 'warning', DL3032: 'warning',
  DL3033: 'warning', DL3034: 'warning', DL3035: 'warning', DL3036: 'warning', DL3037: 'warning', DL3038: 'warning',
  DL3040: 'warning', DL3041: 'warning', DL3042: 'warning', DL3043: 'error', DL3044: 'error', DL3045: 'warning',
  DL3046: 'warning', DL3047: 'info', DL3048: 'style', DL3049: 'info', DL3050: 'info', DL3051: 'warning',
  DL3052: 'warning', DL3053: 'warning', DL3054: 'warning', DL3055: 'warning', DL3056: 'warning', DL3057: 'off',
  DL3058: 'warning', DL3059: 'info', DL3060: 'info', DL3061: 'error', DL3062: 'warning', DL3063: 'warning',
  DL3064: 'warning', DL3065: 'warning', DL3066: 'info', DL3067: 'warning',
  DL4000: 'error', DL4001: 'warning', DL4003: 'warning', DL4004: 'error', DL4005: 'warning', DL4006: 'warning',
};

/** BuildKit checks that BuildKit runs only when asked (`# check=experimental=Name`). */
export const BUILDKIT_EXPERIMENTAL: ReadonlySet<string> = new Set(['InvalidDefinitionDescription']);

const PREVIEW_OFF: ProfileEntry = { severity: 'off', reason: 'profile.reason.preview' };

/** A preview rule the default profiles say nothing about is off in them: a rule earns its default. */
function previewOff(meta: RuleMeta): ProfileEntry | undefined {
  return meta.status === 'preview' ? PREVIEW_OFF : undefined;
}

/** A rule's severity in a profile, and the reason when it differs from the rule's own severity. */
export function profileEntry(profile: ProfileName, meta: RuleMeta): ProfileEntry | undefined {
  switch (profile) {
    case 'strict': return undefined;
    case 'recommended': return RECOMMENDED[meta.id] ?? previewOff(meta);
    case 'modern': return MODERN[meta.id] ?? previewOff(meta);
    case 'hadolint': {
      const code = meta.aliases.hadolint;
      if (!code) return { severity: 'off', reason: 'profile.reason.noHadolintCheck' };
      const severity = HADOLINT_DEFAULTS[code] ?? 'off';
      return severity === meta.defaultSeverity ? undefined : { severity, reason: 'profile.reason.hadolintDefault', data: { code } };
    }
    case 'buildkit': {
      // What Docker refuses to build, or what fails when the container starts, is reported here too.
      if (meta.defaultSeverity === 'error') return undefined;
      const check = meta.aliases.buildkit;
      if (!check) return { severity: 'off', reason: 'profile.reason.notBuildkitCheck' };
      if (BUILDKIT_EXPERIMENTAL.has(check)) return { severity: 'off', reason: 'profile.reason.buildkitExperimental', data: { check } };
      return meta.defaultSeverity === 'warning' ? undefined : { severity: 'warning', reason: 'profile.reason.buildkitWarnings' };
    }
  }
}

export function profileSeverity(profile: ProfileName, meta: RuleMeta): SeverityOrOff {
  return profileEntry(profile, meta)?.severity ?? meta.defaultSeverity;
}

const tables = new Map<ProfileName, Readonly<Record<string, SeverityOrOff>>>();

/** The severities a profile sets, by rule id: only where they differ from the rule's own severity. */
export function profileSeverities(profile: ProfileName): Readonly<Record<string, SeverityOrOff>> {
  let table = tables.get(profile);
  if (!table) {
    const out: Record<string, SeverityOrOff> = {};
    for (const r of allRules) {
      const sev = profileSeverity(profile, r.meta);
      if (sev !== r.meta.defaultSeverity) out[r.meta.id] = sev;
    }
    tables.set(profile, table = Object.freeze(out));
  }
  return table;
}

export function isProfileName(name: string): name is ProfileName {
  return (PROFILE_NAMES as readonly string[]).includes(name);
}

