// The `dockwise.*` settings the client sends (package.json's contributes.configuration declares the same keys:
// test/unit/workspace.test.ts holds the two together), read defensively: a value of the wrong kind is reported
// and the default used. They come from `workspace/configuration` where the client can answer it, else from what
// the client pushed (`workspace/didChangeConfiguration`, `initializationOptions`): see docs/editor.md.
import type { ConfigProblem } from '../engine/config';
import { CONFIG_STRINGS } from '../engine/config/strings';
import { defineStrings, localize } from '../engine/i18n/catalog';
import { LOCALES, type Locale } from '../engine/i18n/locale';
import { uriJoin } from '../workspace/uri';

export interface DockwiseSettings {
  enable: boolean;
  /** A profile name; empty: the config file's, else the default. */
  profile: string;
  rules: Record<string, string>;
  ignore: string[];
  trustedRegistries: string[];
  configFile: string;
  fix: { unsafe: boolean };
  hover: { instructions: 'auto' | 'on' | 'off' };
  /**
   * Completion, outline, go to definition, references, highlights and rename of Dockwise's own; `auto`: only while
   * no Docker extension (which has its own) is installed, so nothing appears twice.
   */
  languageFeatures: 'auto' | 'on' | 'off';
  shellcheck: { enable: boolean };
  /** Whether Dockwise formats documents (document and range formatting, so also format on save). */
  format: { enable: boolean };
  /** The language of messages, fix titles and hovers; auto: the editor's display language. */
  locale: 'auto' | Locale;
  /** Whether a lens asks the registry if a FROM's pinned digest is still what its tag points at. */
  registry: { checkPinnedDigests: boolean };
  /**
   * The compose and bake files that build the workspace's Dockerfiles (`docker compose -f`, `docker buildx bake -f`),
   * relative to the workspace folder; when any is given, only they are read and none is looked for.
   */
  builds: { composeFiles: string[]; bakeFiles: string[] };
}

export const DEFAULT_SETTINGS: DockwiseSettings = { enable: true, profile: '', rules: {}, ignore: [], trustedRegistries: [], configFile: '', fix: { unsafe: false }, hover: { instructions: 'auto' }, languageFeatures: 'auto', shellcheck: { enable: false }, format: { enable: true }, locale: 'auto', registry: { checkPinnedDigests: true }, builds: { composeFiles: [], bakeFiles: [] } };

/** The `dockwise.*` keys these settings come from (what the client must declare), `trace.server` being the client's own. */
export const SETTING_KEYS = ['enable', 'profile', 'rules', 'ignore', 'trustedRegistries', 'configFile', 'fix.unsafe', 'hover.instructions', 'languageFeatures', 'shellcheck.enable', 'format.enable', 'locale', 'registry.checkPinnedDigests', 'builds.composeFiles', 'builds.bakeFiles'];

/** The section's own keys: the settings' first parts, and VS Code's `trace` (its client's, never read here). */
const SECTION_KEYS = new Set([...SETTING_KEYS.map((k) => k.split('.')[0]), 'trace']);

/** What the server says about a setting it cannot use. A setting's key and value stay as written in every language. */
export const SETTINGS_STRINGS = defineStrings({
  'settings.notMapping': 'expected a mapping of settings; using the defaults',
  'settings.invalid': '{value} is not {expected}; using the default {fallback}',
  'settings.expected.boolean': 'true or false',
  'settings.expected.string': 'a string',
  'settings.expected.strings': 'a list of strings',
  'settings.expected.rules': 'a mapping of rule ids to off, error, warning, info or style',
  'settings.expected.oneOf': 'one of {values}',
  'settings.expected.mapping': 'a mapping with {keys}',
});

/** A setting that could not be used, said in a language (the settings themselves choose it). */
export type SettingProblem = (locale: Locale) => ConfigProblem;

export interface ReadSettings {
  settings: DockwiseSettings;
  problems: SettingProblem[];
}

type Expected = Exclude<keyof typeof SETTINGS_STRINGS, 'settings.notMapping' | 'settings.invalid'>;

/** A JSON object; also `[]`, which is how Neovim sends an empty Lua table (`rules = {}`). */
function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && (!Array.isArray(v) || v.length === 0);
}

/** A value as the user wrote it, in JSON, cut short. */
function shown(v: unknown): string {
  const json = JSON.stringify(v) ?? String(v);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

function problem(key: string, say: (locale: Locale) => string): SettingProblem {
  return (locale) => ({ file: 'settings', line: 0, message: localize(CONFIG_STRINGS, 'config.at', locale, { where: key, problem: say(locale) }) });
}

/**
 * The `dockwise` section of what a client pushed: under a `dockwise` key (`{ dockwise: { rules: … } }`, as
 * docs/editor.md writes it), or the section itself when it came unwrapped (`{ rules: … }`); undefined: none.
 */
export function settingsSection(value: unknown): unknown {
  if (!isMapping(value)) return undefined;
  if ('dockwise' in value) return value.dockwise;
  return Object.keys(value).some((k) => SECTION_KEYS.has(k)) ? value : undefined;
}

/** The settings in a `dockwise` section (undefined or null: the defaults), and what in it could not be used. */
export function readSettings(section: unknown): ReadSettings {
  const problems: SettingProblem[] = [];
  if (section === undefined || section === null) return { settings: DEFAULT_SETTINGS, problems };
  if (!isMapping(section)) return { settings: DEFAULT_SETTINGS, problems: [problem('dockwise', (l) => localize(SETTINGS_STRINGS, 'settings.notMapping', l))] };
  const expected = (id: Expected, data?: Record<string, string>) => (l: Locale) => localize(SETTINGS_STRINGS, id, l, data);
  /** `v` when it passes `ok`; absent (undefined, or a Lua client's nil sent as null): the default, silently. */
  const take = <T>(key: string, v: unknown, ok: (v: unknown) => boolean, say: (l: Locale) => string, fallback: T): T => {
    if (v === undefined || v === null) return fallback;
    if (ok(v)) return v as T;
    problems.push(problem(`dockwise.${key}`, (l) => localize(SETTINGS_STRINGS, 'settings.invalid', l, { value: shown(v), expected: say(l), fallback: shown(fallback) })));
    return fallback;
  };
  const unknownKeys = (where: string, m: Record<string, unknown>, known: ReadonlySet<string>) => {
    for (const k of Object.keys(m)) if (!known.has(k)) problems.push(problem(where, (l) => localize(CONFIG_STRINGS, 'config.unknownKey', l, { key: k })));
  };
  /** A nested part (`fix`, `hover`, `shellcheck`, `format`, `registry`, `builds`): the mapping of its keys, or empty. */
  const parts = (name: string, keys: readonly string[]): Record<string, unknown> => {
    const m = take<Record<string, unknown>>(name, section[name], isMapping, expected('settings.expected.mapping', { keys: keys.join(', ') }), {});
    unknownKeys(`dockwise.${name}`, m, new Set(keys));
    return m;
  };
  /** A nested part with one key: its value, or undefined. */
  const part = (name: string, key: string): unknown => parts(name, [key])[key];
  const isBoolean = (v: unknown) => typeof v === 'boolean';
  const isString = (v: unknown) => typeof v === 'string';
  const isStrings = (v: unknown) => Array.isArray(v) && v.every(isString);
  const oneOf = (values: readonly string[]) => [(v: unknown) => values.includes(v as string), expected('settings.expected.oneOf', { values: values.join(', ') })] as const;
  const d = DEFAULT_SETTINGS;
  unknownKeys('dockwise', section, SECTION_KEYS);
  const settings: DockwiseSettings = {
    enable: take('enable', section.enable, isBoolean, expected('settings.expected.boolean'), d.enable),
    profile: take('profile', section.profile, isString, expected('settings.expected.string'), d.profile),
    // Each rule's severity is checked where it is applied (buildLintOptions), with the rule's name.
    rules: take('rules', section.rules, isMapping, expected('settings.expected.rules'), d.rules),
    ignore: take('ignore', section.ignore, isStrings, expected('settings.expected.strings'), d.ignore),
    trustedRegistries: take('trustedRegistries', section.trustedRegistries, isStrings, expected('settings.expected.strings'), d.trustedRegistries),
    configFile: take('configFile', section.configFile, isString, expected('settings.expected.string'), d.configFile),
    fix: { unsafe: take('fix.unsafe', part('fix', 'unsafe'), isBoolean, expected('settings.expected.boolean'), d.fix.unsafe) },
    hover: { instructions: take('hover.instructions', part('hover', 'instructions'), ...oneOf(['auto', 'on', 'off']), d.hover.instructions) },
    languageFeatures: take('languageFeatures', section.languageFeatures, ...oneOf(['auto', 'on', 'off']), d.languageFeatures),
    shellcheck: { enable: take('shellcheck.enable', part('shellcheck', 'enable'), isBoolean, expected('settings.expected.boolean'), d.shellcheck.enable) },
    format: { enable: take('format.enable', part('format', 'enable'), isBoolean, expected('settings.expected.boolean'), d.format.enable) },
    locale: take('locale', section.locale, ...oneOf(['auto', ...LOCALES]), d.locale),
    registry: { checkPinnedDigests: take('registry.checkPinnedDigests', part('registry', 'checkPinnedDigests'), isBoolean, expected('settings.expected.boolean'), d.registry.checkPinnedDigests) },
    builds: ((b) => ({
      composeFiles: take('builds.composeFiles', b.composeFiles, isStrings, expected('settings.expected.strings'), d.builds.composeFiles),
      bakeFiles: take('builds.bakeFiles', b.bakeFiles, isStrings, expected('settings.expected.strings'), d.builds.bakeFiles),
    }))(parts('builds', ['composeFiles', 'bakeFiles'])),
  };
  return { settings, problems };
}

/**
 * `dockwise.configFile` as a URI: a URI stays one; a relative path is relative to the first workspace folder; any
 * other path is the host's to resolve (`pathUri`: Node makes a file: URI of it); undefined when none can.
 */
export function configFileUri(setting: string, roots: string[], pathUri?: (path: string) => string): string | undefined {
  if (/^[a-z][a-z0-9+.-]+:/i.test(setting) && !/^[A-Za-z]:[\\/]/.test(setting)) return setting;
  const absolute = /^([A-Za-z]:)?[\\/]/.test(setting);
  if (!absolute && roots[0]) return uriJoin(roots[0], setting.replace(/\\/g, '/'));
  return pathUri?.(setting);
}
