// The shape every rule has: typed metadata and docs, and handlers the engine calls as it walks the file (or a check
// that reads the whole model); both report by document offsets.
import type { DockerfileModel, Instr } from './model/dockerfile';
import type { ShellCommand } from './model/shell';
import { RULE_CATEGORIES, RULE_STATUSES, type Fix, type FixSafety, type RelatedLocation, type RuleMeta } from './types';
import type { MessageData } from './messages';
import type { Locale } from './i18n/locale';

export type { OffsetEdit } from './types';

/** A fix as a rule offers it: its title given, or (with message ids) named by id with data. */
export type FixInput = Fix | (Omit<Fix, 'title'> & { titleId: string; data?: MessageData });

/** A finding as a rule reports it: its message by id (`meta.messages`) with data, or (not yet migrated) as text. */
export type Report = { start: number; end: number; fixes?: FixInput[]; related?: RelatedLocation[] } & ({ messageId: string; data?: MessageData } | { message: string });

/** Files beside the Dockerfile, for rules that need them (.dockerignore). The CLI and server implement it. */
export interface FileAccess {
  /** Text of a file relative to the Dockerfile's folder, or undefined when it does not exist. */
  read(relativePath: string): string | undefined;
  /** The Dockerfile's own file name (for `<name>.dockerignore`), when it has one. */
  dockerfileName?: string;
  /** Whether a regular file exists at the relative path (without reading it). */
  isFile?(relativePath: string): boolean;
  /** The first `length` bytes of a regular file (fewer when it is shorter), or undefined when there is none. */
  readHead?(relativePath: string, length: number): Uint8Array | undefined;
}

/**
 * FileAccess over a map of relative paths, for tests and for text that is not on disk. `readHead` takes each
 * character for one byte (`'\x1f\x8b'` is the start of a gzip file).
 */
export function memoryFiles(files: Record<string, string>, dockerfileName = 'Dockerfile'): FileAccess {
  const has = (p: string) => Object.prototype.hasOwnProperty.call(files, p);
  const readHead = (p: string, length: number) => (has(p) ? Uint8Array.from(files[p].slice(0, length), (c) => c.charCodeAt(0) & 0xff) : undefined);
  return { read: (p) => (has(p) ? files[p] : undefined), isFile: has, readHead, dockerfileName };
}

/** `files` with each file read once (the language server keeps one per Dockerfile until a watched file changes). */
export function cachedFiles(files: FileAccess): FileAccess {
  const reads = new Map<string, string | undefined>();
  const heads = new Map<string, Uint8Array | undefined>();
  return {
    ...files,
    read(p) {
      if (!reads.has(p)) reads.set(p, files.read(p));
      return reads.get(p);
    },
    readHead: files.readHead && ((p, length) => {
      const key = `${length}:${p}`;
      if (!heads.has(key)) heads.set(key, files.readHead!(p, length));
      return heads.get(key);
    }),
  };
}

export interface EngineSettings {
  trustedRegistries: string[];
  /** hadolint's `label-schema`: label name → type (`text`, `url`, `semver`, `hash`, `rfc3339`, `spdx`, `email`). */
  labelSchema?: Record<string, string>;
  /** hadolint's `strict-labels`: labels that are not in the schema are reported. */
  strictLabels?: boolean;
  /** Today's date (YYYY-MM-DD) for rules judged against the calendar, such as end-of-life images. */
  today: string;
  /** The language findings and fix titles are written in; the engine fills them in, rules never read it. */
  locale: Locale;
}

export interface RuleContext {
  readonly model: DockerfileModel;
  readonly settings: EngineSettings;
  readonly files?: FileAccess;
  report(report: Report): void;
}

/**
 * What a rule's `create` returns: the functions the engine calls as it walks the file once, for every rule
 * together. What the rule handles is what it registers: the engine does not call it on a file (or a stage) that
 * has none of it.
 */
export interface RuleHandlers {
  /** By keyword (upper case): each instruction with it, in document order. ONBUILD triggers are not among them. */
  instructions?: Readonly<Record<string, (instr: Instr) => void>>;
  /** By keyword: each ONBUILD trigger with it (`ONBUILD EXPOSE 80` is an `EXPOSE` trigger), in document order. */
  triggers?: Readonly<Record<string, (trigger: Instr) => void>>;
  /**
   * By command name (without its directory): each command of a RUN, ONBUILD ones included, with that name, or
   * run by one with that name (`xargs apt-get install` is an `apt-get` command and an `xargs` one). A function
   * is called once per command.
   */
  commands?: Readonly<Record<string, (cmd: ShellCommand, instr: Instr) => void>>;
  /**
   * By command name, as `commands`: each RUN (ONBUILD ones included) with a command of that name, once per RUN
   * and function, for rules that judge a RUN as a whole (`apt-get update` and `install` in one layer).
   */
  runs?: Readonly<Record<string, (instr: Instr) => void>>;
  /** After the walk, when the file had something the rule registered (or it registered nothing else). */
  done?: () => void;
}

/**
 * A rule: its metadata, and either `create` (handlers the engine calls as it walks the file) or `check` (reads the
 * whole model itself, on every file).
 */
export type Rule = { meta: RuleMeta } & ({ create(ctx: RuleContext): RuleHandlers; check?: undefined } | { check(ctx: RuleContext): void; create?: undefined });

export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Checks what a rule declares about itself; the registry runs it on every rule (and a test on all). */
export function validateRule(rule: Rule): string[] {
  const problems: string[] = [];
  const m = rule.meta;
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(m.id)) problems.push(`${m.id}: id must be kebab-case`);
  if (!RULE_CATEGORIES.includes(m.category)) problems.push(`${m.id}: category must be one of ${RULE_CATEGORIES.join(', ')}`);
  if (!RULE_STATUSES.includes(m.status)) problems.push(`${m.id}: status must be one of ${RULE_STATUSES.join(', ')}`);
  if (!m.docs.summary.trim()) problems.push(`${m.id}: summary is empty`);
  if (!m.docs.why.trim()) problems.push(`${m.id}: why is empty`);
  if (!m.docs.examples.length) problems.push(`${m.id}: needs at least one bad/good example`);
  if ((m.fixable === 'unsafe' || m.fixable === 'both') && !m.docs.fixSafety) problems.push(`${m.id}: unsafe fixes need docs.fixSafety`);
  if (m.aliases.hadolint && !/^DL\d{4}$/.test(m.aliases.hadolint)) problems.push(`${m.id}: bad hadolint alias`);
  if (m.aliases.buildkit && !/^[A-Z][A-Za-z]+$/.test(m.aliases.buildkit)) problems.push(`${m.id}: bad BuildKit alias`);
  return problems;
}

/** Whether a fix of `safety` is allowed by what the rule declared. */
export function fixAllowed(meta: RuleMeta, safety: FixSafety): boolean {
  return meta.fixable === 'both' || meta.fixable === safety;
}
