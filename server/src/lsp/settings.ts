// The `dockwise.*` settings the client sends (package.json's contributes.configuration declares the same keys:
// test/lsp/settings.test.ts holds the two together), read defensively: a wrong type is the default.
import { isLocale, type Locale } from '../engine/i18n/locale';
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
  /** The language of messages, fix titles and hovers; auto: the editor's display language. */
  locale: 'auto' | Locale;
}

export const DEFAULT_SETTINGS: DockwiseSettings = { enable: true, profile: '', rules: {}, ignore: [], trustedRegistries: [], configFile: '', fix: { unsafe: false }, hover: { instructions: 'auto' }, languageFeatures: 'auto', shellcheck: { enable: false }, locale: 'auto' };

/** The `dockwise.*` keys these settings come from (what the client must declare), `trace.server` being the client's own. */
export const SETTING_KEYS = ['enable', 'profile', 'rules', 'ignore', 'trustedRegistries', 'configFile', 'fix.unsafe', 'hover.instructions', 'languageFeatures', 'shellcheck.enable', 'locale'];

export function readSettings(s: Partial<DockwiseSettings> | null | undefined): DockwiseSettings {
  if (!s || typeof s !== 'object') return DEFAULT_SETTINGS;
  return {
    enable: s.enable !== false,
    profile: typeof s.profile === 'string' ? s.profile : '',
    rules: s.rules && typeof s.rules === 'object' ? s.rules : {},
    ignore: Array.isArray(s.ignore) ? s.ignore : [],
    trustedRegistries: Array.isArray(s.trustedRegistries) ? s.trustedRegistries : [],
    configFile: typeof s.configFile === 'string' ? s.configFile : '',
    fix: { unsafe: s.fix?.unsafe === true },
    hover: { instructions: s.hover?.instructions === 'on' || s.hover?.instructions === 'off' ? s.hover.instructions : 'auto' },
    languageFeatures: s.languageFeatures === 'on' || s.languageFeatures === 'off' ? s.languageFeatures : 'auto',
    shellcheck: { enable: s.shellcheck?.enable === true },
    locale: isLocale(s.locale) ? s.locale : 'auto',
  };
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
