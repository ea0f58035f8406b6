// Severity resolution, in one place: profile < config file < editor settings / CLI flags < inline pragmas. The
// formatter's options resolve the same way: defaults < the config file's `format:` < the command's `--set`.
import type { LintOptions } from '../linter';
import type { DockerfileModel } from '../model/dockerfile';
import type { Severity, SeverityOrOff } from '../types';
import type { Locale } from '../i18n/locale';
import { allRules } from '../rules';
import { findRules } from '../rule-lookup';
import type { ConfigProblem, LoadedConfig } from './parse';
import { applyPragmas, readPragmas } from './pragmas';
import { speaker } from '../i18n/catalog';
import { BUILDKIT_EXPERIMENTAL, DEFAULT_PROFILE, isProfileName, profileSeverities, type ProfileName } from './profiles';
import { CONFIG_STRINGS } from './strings';
import { resolveFormatOptions, type FormatOptions } from '../format/options';
import { unknownProfileText, unknownRuleText } from './suggest';

/** Editor settings, or command-line flags: the layer above the config file. */
export interface UserSettings {
  /** A profile name (config/profiles.ts), over the config file's `profile:`; empty means none. */
  profile?: string;
  /** id, DL code or BuildKit name → off|error|warning|info|style */
  rules?: Record<string, string>;
  ignore?: string[];
  trustedRegistries?: string[];
  fixUnsafe?: boolean;
  /** Formatter options over the config file's `format:` (already checked: `--set` rejects a bad one). */
  format?: Partial<FormatOptions>;
}

export interface ResolvedOptions extends LintOptions {
  /** The profile in effect: the settings', else the config file's, else the default. */
  profile: ProfileName;
  fixUnsafe: boolean;
  failureThreshold?: Severity | 'none';
  /** The formatter's options for this document: every option, defaults filled in. */
  format: FormatOptions;
  /** Problems in the settings themselves (unknown rule names), for the caller to show once. */
  problems: ConfigProblem[];
}

const SEVERITIES = new Set(['off', 'error', 'warning', 'info', 'style']);

export function buildLintOptions(input: { config?: LoadedConfig; settings?: UserSettings; today?: string; locale?: Locale }): ResolvedOptions {
  const { config, settings } = input;
  const problems: ConfigProblem[] = [];
  const locale = input.locale ?? 'en';
  const t = speaker(CONFIG_STRINGS, locale);
  const keyed = (where: string, problem: string) => t('config.at', { where, problem });
  let profile = config?.profile ?? DEFAULT_PROFILE;
  if (settings?.profile) {
    if (isProfileName(settings.profile)) profile = settings.profile;
    else problems.push({ file: 'settings', line: 0, message: keyed('dockwise.profile', unknownProfileText(settings.profile, profile, locale)) });
  }
  const severities: Record<string, SeverityOrOff> = { ...profileSeverities(profile) };
  const set = (name: string, sev: SeverityOrOff) => { for (const r of findRules(name)) severities[r.meta.id] = sev; };
  if (config) {
    // hadolint applies overrides style → error, so a code in several lists ends up the most severe.
    for (const sev of ['style', 'info', 'warning', 'error'] as const) for (const n of config.override[sev] ?? []) set(n, sev);
    for (const [n, sev] of Object.entries(config.rules)) set(n, sev);
    for (const n of config.ignored) set(n, 'off');
  }
  for (const [n, sev] of Object.entries(settings?.rules ?? {})) {
    if (!findRules(n).length || !SEVERITIES.has(sev)) {
      const problem = !SEVERITIES.has(sev) ? t('config.settings.badSeverity', { severity: sev, name: n }) : unknownRuleText(n, locale);
      problems.push({ file: 'settings', line: 0, message: keyed('dockwise.rules', problem) });
      continue;
    }
    set(n, sev as SeverityOrOff);
  }
  for (const n of settings?.ignore ?? []) {
    if (!findRules(n).length) { problems.push({ file: 'settings', line: 0, message: keyed('ignore', unknownRuleText(n, locale)) }); continue; }
    set(n, 'off');
  }
  const pragmasOff = config?.disableIgnorePragma === true;
  return {
    profile,
    severities,
    settings: {
      trustedRegistries: [...(config?.trustedRegistries ?? []), ...(settings?.trustedRegistries ?? [])],
      ...(config?.labelSchema ? { labelSchema: config.labelSchema } : {}),
      ...(config?.strictLabels !== undefined ? { strictLabels: config.strictLabels } : {}),
      ...(input.today ? { today: input.today } : {}),
      ...(input.locale ? { locale: input.locale } : {}),
    },
    severitiesFor: experimentalSeverities,
    postprocess: pragmasOff ? undefined : applyPragmas,
    fixUnsafe: settings?.fixUnsafe ?? config?.unsafeFixes ?? false,
    failureThreshold: config?.failureThreshold,
    format: resolveFormatOptions(config?.format, settings?.format),
    problems,
  };
}

/** BuildKit's `# check=experimental=Name|all` turns BuildKit's experimental checks on, as warnings. */
function experimentalSeverities(model: DockerfileModel): Record<string, SeverityOrOff> {
  const names = readPragmas(model).experimental;
  if (!names.length) return {};
  const out: Record<string, SeverityOrOff> = {};
  for (const r of allRules) {
    const check = r.meta.aliases.buildkit;
    if (!check || !BUILDKIT_EXPERIMENTAL.has(check)) continue;
    if (names.includes('all') || names.includes(check)) out[r.meta.id] = 'warning';
  }
  return out;
}
