// Configuration files: .dockwise.yaml (ours) and .hadolint.yaml (so hadolint users keep their setup), parsed
// from their text. Finding and reading them is the workspace layer's (server/src/workspace/config.ts).
// Parsing never throws: every problem comes back with the file and line, and linting goes on with defaults.
import { parseDocument, isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { LineIndex } from '../text';
import type { Severity, SeverityOrOff } from '../types';
import { findRules } from '../rule-lookup';
import type { Locale } from '../i18n/locale';
import { speaker } from '../i18n/catalog';
import { DEFAULT_PROFILE, isProfileName, PROFILE_NAMES, type ProfileName } from './profiles';
import { CONFIG_STRINGS } from './strings';
import { unknownFormatOptionText, unknownProfileText, unknownRuleText } from './suggest';
import { formatOptionAccepts, formatOptionValue, isFormatOptionName, type FormatOptions } from '../format/options';

export interface ConfigProblem { file: string; line: number; message: string }

export interface LoadedConfig {
  path: string;
  kind: 'dockwise' | 'hadolint';
  /** `profile:`, when it names one. */
  profile?: ProfileName;
  ignored: string[];
  override: Partial<Record<Severity, string[]>>;
  rules: Record<string, SeverityOrOff>;
  trustedRegistries: string[];
  failureThreshold?: Severity | 'none';
  unsafeFixes?: boolean;
  disableIgnorePragma?: boolean;
  labelSchema?: Record<string, string>;
  strictLabels?: boolean;
  noFail?: boolean;
  /** `format:`, the formatter's options that were given and valid (format/options.ts). */
  format?: Partial<FormatOptions>;
}

/** Largest config file read (larger ones are reported, and the defaults used). */
export const MAX_CONFIG_BYTES = 1 << 20;
/** Config file names, looked for from the Dockerfile's folder up: ours first, then hadolint's. */
export const DOCKWISE_CONFIG_NAMES = ['.dockwise.yaml', '.dockwise.yml'];
export const HADOLINT_CONFIG_NAMES = ['.hadolint.yaml', '.hadolint.yml'];
const SEVERITY_VALUES = ['error', 'warning', 'info', 'style', 'off'];
// Keys hadolint's file may carry that only matter to its own command line: accepted, ignored.
const HADOLINT_ONLY = new Set(['no-color', 'format', 'formats', 'verbose', 'output-file', 'require-labels']);

/** Parses config text; `file` only names it in messages, which are in `locale`. */
export function parseConfig(file: string, text: string, locale: Locale = 'en'): { config: LoadedConfig | undefined; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const t = speaker(CONFIG_STRINGS, locale);
  /** A problem with one key's value: `key: problem`. */
  const keyed = (where: string, problem: string) => t('config.at', { where, problem });
  const lines = new LineIndex(text);
  const lineOf = (node: { range?: [number, number, number?] | null } | null | undefined) => (node?.range ? lines.positionAt(node.range[0]).line + 1 : 0);
  const kind = /hadolint[^/\\]*$/i.test(file) ? 'hadolint' : 'dockwise';
  const config: LoadedConfig = { path: file, kind, ignored: [], override: {}, rules: {}, trustedRegistries: [] };
  if (text.length > MAX_CONFIG_BYTES) return { config: undefined, problems: [{ file, line: 0, message: t('config.tooLarge') }] };
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0];
    return { config: undefined, problems: [{ file, line: e.linePos?.[0]?.line ?? lines.positionAt(e.pos[0]).line + 1, message: t('config.invalidYaml', { error: e.message.split('\n')[0] }) }] };
  }
  const root = doc.contents;
  if (root === null || root === undefined || (isScalar(root) && (root.value === null || root.value === ''))) return { config, problems };
  if (!isMap(root)) return { config: undefined, problems: [{ file, line: lineOf(root as YamlNode), message: t('config.notMapping') }] };

  const ruleName = (node: YamlNode | null | undefined, where: string): string | undefined => {
    const v = isScalar(node) ? String(node.value) : undefined;
    if (!v) { problems.push({ file, line: lineOf(node), message: keyed(where, t('config.expectedRule')) }); return undefined; }
    if (!findRules(v).length) {
      problems.push({ file, line: lineOf(node), message: keyed(where, unknownRuleText(v, locale)) });
      return undefined;
    }
    return v;
  };
  const list = (node: unknown, where: string): YamlNode[] => {
    if (isSeq(node)) return node.items as YamlNode[];
    problems.push({ file, line: lineOf(node as YamlNode), message: keyed(where, t('config.expectedList')) });
    return [];
  };

  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as YamlNode | null;
    const at = lineOf(pair.key as YamlNode);
    switch (key) {
      case 'ignored':
        for (const n of list(value, 'ignored')) { const r = ruleName(n, 'ignored'); if (r) config.ignored.push(r); }
        break;
      case 'override':
        if (!isMap(value)) { problems.push({ file, line: at, message: keyed('override', t('config.override.expectedLists')) }); break; }
        for (const p of value.items) {
          const sev = isScalar(p.key) ? String(p.key.value) : '';
          if (!['error', 'warning', 'info', 'style'].includes(sev)) { problems.push({ file, line: lineOf(p.key as YamlNode), message: keyed('override', t('config.override.unknownSeverity', { severity: sev })) }); continue; }
          const names: string[] = [];
          for (const n of list(p.value, `override.${sev}`)) { const r = ruleName(n, `override.${sev}`); if (r) names.push(r); }
          config.override[sev as Severity] = names;
        }
        break;
      case 'rules':
        if (!isMap(value)) { problems.push({ file, line: at, message: keyed('rules', t('config.rules.expectedMapping')) }); break; }
        for (const p of value.items) {
          const name = ruleName(p.key as YamlNode, 'rules');
          const sev = isScalar(p.value) ? String(p.value.value) : '';
          if (!SEVERITY_VALUES.includes(sev)) { problems.push({ file, line: lineOf(p.key as YamlNode), message: keyed('rules', t('config.rules.badSeverity', { severity: sev, severities: SEVERITY_VALUES.join(', ') })) }); continue; }
          if (name) config.rules[name] = sev as SeverityOrOff;
        }
        break;
      case 'profile': {
        const v = isScalar(value) && typeof value.value === 'string' ? value.value : undefined;
        if (v === undefined) problems.push({ file, line: at, message: keyed('profile', t('config.profile.expected', { profiles: PROFILE_NAMES.join(', '), profile: DEFAULT_PROFILE })) });
        else if (isProfileName(v)) config.profile = v;
        else problems.push({ file, line: at, message: keyed('profile', unknownProfileText(v, DEFAULT_PROFILE, locale)) });
        break;
      }
      case 'trustedRegistries':
        for (const n of list(value, key)) if (isScalar(n)) config.trustedRegistries.push(String(n.value));
        break;
      case 'failure-threshold': {
        const v = isScalar(value) ? String(value.value) : '';
        if (['error', 'warning', 'info', 'style', 'none', 'ignore'].includes(v)) config.failureThreshold = (v === 'ignore' ? 'none' : v) as Severity | 'none';
        else problems.push({ file, line: at, message: keyed('failure-threshold', t('config.failureThreshold.invalid', { value: v })) });
        break;
      }
      case 'fixes':
        if (isMap(value)) {
          for (const p of value.items) {
            const k = isScalar(p.key) ? String(p.key.value) : '';
            if (k === 'unsafe' && isScalar(p.value) && typeof p.value.value === 'boolean') config.unsafeFixes = p.value.value;
            else problems.push({ file, line: lineOf(p.key as YamlNode), message: keyed('fixes', t('config.fixes.unknownKey', { key: k })) });
          }
        } else problems.push({ file, line: at, message: keyed('fixes', t('config.fixes.expected')) });
        break;
      case 'disable-ignore-pragma':
      case 'strict-labels':
      case 'no-fail': {
        const v = isScalar(value) ? value.value : undefined;
        if (typeof v !== 'boolean') { problems.push({ file, line: at, message: keyed(key, t('config.expectedBoolean')) }); break; }
        if (key === 'disable-ignore-pragma') config.disableIgnorePragma = v;
        else if (key === 'strict-labels') config.strictLabels = v;
        else config.noFail = v;
        break;
      }
      case 'format':
        // hadolint's `format:` is its output format (tty, json, …): accepted there and ignored, like its other CLI keys.
        if (kind === 'hadolint') break;
        if (value === null || (isScalar(value) && value.value === null)) break;
        if (!isMap(value)) { problems.push({ file, line: at, message: keyed('format', t('config.format.expectedMapping')) }); break; }
        config.format = {};
        for (const p of value.items) {
          const name = isScalar(p.key) ? String(p.key.value) : '';
          const line = lineOf(p.key as YamlNode);
          if (!isFormatOptionName(name)) { problems.push({ file, line, message: keyed('format', unknownFormatOptionText(name, locale)) }); continue; }
          const raw = isScalar(p.value) ? p.value.value : undefined;
          const v = formatOptionValue(name, raw);
          if (v === undefined) {
            const shown = isScalar(p.value) ? String(p.value.value) : isMap(p.value) ? '{…}' : isSeq(p.value) ? '[…]' : '';
            problems.push({ file, line, message: keyed(`format.${name}`, t('config.format.badValue', { value: shown, accepts: formatOptionAccepts(name) })) });
            continue;
          }
          (config.format as Record<string, unknown>)[name] = v;
        }
        break;
      case 'label-schema':
        if (isMap(value)) config.labelSchema = Object.fromEntries(value.items.map((p) => [String(isScalar(p.key) ? p.key.value : ''), String(isScalar(p.value) ? p.value.value : '')]));
        else problems.push({ file, line: at, message: keyed('label-schema', t('config.labelSchema.expectedMapping')) });
        break;
      default:
        if (HADOLINT_ONLY.has(key)) break;
        problems.push({ file, line: at, message: t('config.unknownKey', { key }) });
    }
  }
  return { config, problems };
}
