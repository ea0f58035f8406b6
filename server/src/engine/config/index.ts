// Configuration and suppression: config files, settings, severity resolution, inline pragmas.
export { DOCKWISE_CONFIG_NAMES, HADOLINT_CONFIG_NAMES, MAX_CONFIG_BYTES, parseConfig, type ConfigProblem, type LoadedConfig } from './parse';
export { buildLintOptions, type UserSettings, type ResolvedOptions } from './resolve';
export { applyPragmas, readPragmas, type Pragma, type PragmaInfo } from './pragmas';
export { ignoreEdit } from './ignore-edit';
export { suggestName } from './suggest';
export { BUILDKIT_EXPERIMENTAL, DEFAULT_PROFILE, HADOLINT_DEFAULTS, MODERN, PROFILE_NAMES, PROFILE_STRINGS, RECOMMENDED, isProfileName, profileEntry, profileReason, profileSummary, profileSeverities, profileSeverity, type ProfileEntry, type ProfileName } from './profiles';
