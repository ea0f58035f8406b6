// Public engine types. Findings and fixes are by document offsets (UTF-16 code units, end exclusive); only the
// adapters (the command's formats, the language server) turn them into 0-based lines and characters (Position,
// Range), and the command's formats into 1-based ones.
import { defineStrings, localize } from './i18n/catalog';
import type { Locale } from './i18n/locale';

export type Severity = 'error' | 'warning' | 'info' | 'style';
export type SeverityOrOff = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'style'];

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }

/**
 * How a Dockerfile is built, as far as the rules read it (a compose service's or bake target's `args` and `target`):
 * `args` act as `--build-arg` (only on an ARG the file declares), `target` names the stage that ships (compared
 * case-insensitively; absent, or naming no stage: the last one).
 */
/**
 * Where a compose or bake file says something about a build (a service, a target, an arg, a secret): findings about
 * it point there too. `file` is as the host gives it (the language server and the command: a URI); `line` 1-based;
 * `label` names the invocation (`compose service api`). `column` (0-based) and `length`: where on the line the
 * name of what is said is written, when it is written out as it is (an args key, not one made by interpolation).
 */
export interface RelatedLocation { file: string; line: number; label: string; column?: number; length?: number }

/**
 * How a Dockerfile is built: `--build-arg`s, `--target`, and, when a compose service or bake target says so, the
 * secrets and named contexts it provides. What is undefined is not known (a plain `docker build` may pass any
 * `--secret`): rules judge only what is given.
 */
export interface BuildInvocation {
  target?: string;
  args?: Readonly<Record<string, string>>;
  /** The ids of the build secrets provided (`--secret id=…`); undefined: not known. */
  secrets?: readonly string[];
  /** Named build contexts (`--build-context name=value`): a folder, `docker-image://ref`, `target:name`, a URL. */
  contexts?: Readonly<Record<string, string>>;
  /**
   * Args it takes from what other builds share (a bake parent it inherits, a compose service it extends, a YAML
   * merge key): passing one that this Dockerfile has no use for is deliberate.
   */
  sharedArgs?: readonly string[];
  /** Images the same project builds (a compose service's `image:`), by image name: what builds it (`compose service base`). */
  localImages?: Readonly<Record<string, string>>;
  /** The targets every build of this file names (this one's among them): stages someone builds. */
  builtTargets?: readonly string[];
  /**
   * Where the invocation and its parts are declared, for findings about them: '' the service or target itself,
   * `target`, `arg:NAME`, `secret:ID`, `context:NAME`.
   */
  declaredAt?: Readonly<Record<string, RelatedLocation>>;
  /** The same for the other invocations that build exactly alike (two services with the same build): linted once. */
  alsoDeclaredAt?: Readonly<Record<string, readonly RelatedLocation[]>>;
}

/** A change to the text: [start, end) replaced by `text`. The one edit type of rules, fixes and the fix engine. */
export interface OffsetEdit { start: number; end: number; text: string }

export type FixSafety = 'safe' | 'unsafe';

/** A file a fix creates beside the Dockerfile (for example a .dockerignore). Path is relative to the Dockerfile's folder. */
export interface CreatedFile { path: string; content: string }

/**
 * A change a fix makes in another file the host knows (the compose or bake file that passes a build arg), named
 * as a RelatedLocation names it: on `line` (1-based), the `length` characters from `column` (0-based) become
 * `text`. Such a fix is offered one finding at a time; fix-all changes the Dockerfile and the files it creates only.
 */
export interface FileEdit { file: string; line: number; column: number; length: number; text: string }

/**
 * What a safe fix changes in the build, beyond nothing. The fix engine compares the meaning of the file before
 * and after the fix (fix/meaning.ts) and rejects a safe fix whose difference is not exactly what it declares.
 * - `adds-arguments`: the words `args` are added to commands named `command` (compared without directory).
 * - `renames-command`: commands named `from` are called `to` instead; nothing else about them changes.
 * - `appends-command`: `command` runs at the end of one RUN, only when everything before it succeeded.
 * - `merges-runs`: consecutive RUNs become one, joined so each part runs only when the ones before succeeded.
 * - `replaces-instruction`: an instruction becomes one with keyword `to` that carries the same values
 *   (ADD to COPY: the same flags and arguments; MAINTAINER to LABEL: its text becomes the authors label, without
 *   double quotes around all of it).
 * - `exec-form`: a shell-form CMD or ENTRYPOINT of one plain command runs the same words without a shell.
 * - `removes-overridden`: a CMD, ENTRYPOINT or HEALTHCHECK that a later one in its stage overrides is removed.
 * - `names-stage`: stage `index` gets (or already has) the name `name`, used instead of its number in `--from` and
 *   mount `from=`; the name must be one the file used for nothing else.
 * - `sorts-arguments`: the arguments of commands named `command` come in another order; the same words, none added.
 */
export type MeaningChange =
  | { kind: 'adds-arguments'; command: string; args: string[] }
  | { kind: 'renames-command'; from: string; to: string }
  | { kind: 'appends-command'; command: string }
  /** Removes every top-level step that is exactly `command` (`apk update` before `apk add --no-cache`). */
  | { kind: 'removes-command'; command: string }
  | { kind: 'merges-runs' }
  | { kind: 'replaces-instruction'; from: string; to: string }
  | { kind: 'exec-form' }
  | { kind: 'removes-overridden' }
  | { kind: 'names-stage'; index: number; name: string }
  | { kind: 'sorts-arguments'; command: string }
  /** Adds `@digest` after FROM images that had none: the image the tag points at now, so the build is the same. */
  | { kind: 'pins-digest' };

export interface Fix {
  title: string;
  /** The id of the title in its rule's `meta.messages`. */
  titleId?: string;
  safety: FixSafety;
  edits: OffsetEdit[];
  createFiles?: CreatedFile[];
  editFiles?: FileEdit[];
  /** For a safe fix: what it changes in the build (none: the build means exactly the same). */
  changes?: MeaningChange[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** The id of the message in its rule's `meta.messages`, and the values of its placeholders. */
  messageId?: string;
  data?: Record<string, string>;
  /** The underlined text, by document offsets. */
  start: number;
  end: number;
  fixes: Fix[];
  /** Places in other files the finding is about (the compose line that passes an arg no ARG declares). */
  related?: RelatedLocation[];
}

export interface RuleExample {
  bad: string;
  good: string;
  note?: string;
  /** Engine settings the example needs (label schema, trusted registries); judged with them. */
  settings?: Partial<import('./rule').EngineSettings>;
  /** Files beside the Dockerfile the example needs (relative path → text); it is judged with them. */
  files?: Record<string, string>;
  /** How the example is built (a compose service's or bake target's secrets, args, target); judged with it, its note says so. */
  invocation?: BuildInvocation;
}

export interface RuleDocs {
  summary: string;
  why: string;
  examples: RuleExample[];
  /** Required when any fix of the rule can be unsafe: what may change. */
  fixSafety?: string;
  references: string[];
}

export interface RuleAliases { hadolint?: string; buildkit?: string }

/**
 * The same check in the other tools, for docs/counterparts.md: ids as each tool names them (tally's rule name,
 * Checkov's CKV id, Trivy's AVD/DS id, KICS's query name, Sonar's S-number). Unlike aliases, they are not
 * read by pragmas: they only tell a user where the rule comes from and what differs.
 */
export interface RuleCounterparts {
  tally?: readonly string[];
  checkov?: readonly string[];
  trivy?: readonly string[];
  kics?: readonly string[];
  sonar?: readonly string[];
  /** What Dockwise does differently from those tools, in one sentence (English; shown on the counterparts page). */
  differences?: string;
}

/**
 * What a rule protects, in the order the README groups rules: the build or the file is wrong (correctness), the
 * container misbehaves when it runs (runtime), security, the same file builds the same image later
 * (reproducibility), image size, build speed and cache reuse (cache), labels (metadata), and style.
 */
export const RULE_CATEGORIES = ['correctness', 'runtime', 'security', 'reproducibility', 'size', 'cache', 'metadata', 'style'] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

/**
 * `stable`: its findings and messages change only to fix them. `preview`: not yet right often enough on real
 * files to be on by default (the precision ledger says how often); its logic may change in any release, and
 * the `recommended` profile keeps it off (a test holds it).
 */
export const RULE_STATUSES = ['stable', 'preview'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

export interface RuleMeta {
  id: string;
  aliases: RuleAliases;
  counterparts?: RuleCounterparts;
  category: RuleCategory;
  status: RuleStatus;
  /**
   * The rule's own severity: what it reports at when on, and what the `strict` profile uses. Whether it is on
   * by default, and at what severity, is the `recommended` profile's decision (config/profiles.ts).
   */
  defaultSeverity: Severity;
  /** Diagnostic tags the editor shows (strike-through for deprecated, faded for unnecessary). */
  tags?: Array<'deprecated' | 'unnecessary'>;
  /** Fix kinds the rule can offer, so docs can tell before any finding exists. */
  fixable?: FixSafety | 'both';
  /**
   * 'stage': each finding belongs to one stage (or to the instructions before the first FROM) and depends only on
   * that stage, the stages related to it (built FROM, copied from or by), the stages it finds with
   * `model.stageByName`, and the header; not on its stage's index (an edit can make an earlier stage vanish).
   * The language server then re-runs the rule only on the stage an edit touched. A test holds every such rule
   * to it: run stage by stage, it reports exactly what it reports on the whole file.
   */
  scope?: 'stage';
  /**
   * 'every': a finding about the file whatever builds it (a stage no build uses is dead code): when compose services
   * or bake targets build the file in several ways, it is reported only when every one of them has it.
   */
  builds?: 'every';
  /**
   * Every message and fix title the rule shows, by id: English templates with `{name}` placeholders, Markdown
   * code spans allowed (outputs that do not render Markdown show them in quotes). The rule reports ids and data.
   */
  messages?: Readonly<Record<string, string>>;
  docs: RuleDocs;
}

/**
 * A fix's title with its safety said once, as the command's reports and the editor's quick fixes show it: most
 * unsafe fixes say why in their title ("… (unsafe: …)"); the others get "(unsafe)".
 */
export function fixTitle(fix: Pick<Fix, 'title' | 'safety'>, locale: Locale = 'en'): string {
  if (fix.safety !== 'unsafe' || fix.title.toLowerCase().includes(localize(FIX_STRINGS, 'fix.unsafeWord', locale))) return fix.title;
  return localize(FIX_STRINGS, 'fix.unsafeTitle', locale, { title: fix.title });
}

/** The English of what every fix title may get: the mark of an unsafe fix (unless its title already says so). */
export const FIX_STRINGS = defineStrings({
  'fix.unsafeTitle': '{title} (unsafe)',
  'fix.unsafeWord': 'unsafe',
});
