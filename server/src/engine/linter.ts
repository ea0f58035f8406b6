// Runs every enabled rule over one model (the rules with handlers in one walk) and collects findings by offsets.
import { DockerfileModel, type Instr } from './model/dockerfile';
import { fixAllowed, type EngineSettings, type FileAccess, type Rule, type RuleContext, type RuleHandlers } from './rule';
import type { ShellCommand } from './model/shell';
import { dataStrings, formatMessage } from './messages';
import type { BuildInvocation, Finding, Fix, Severity, SeverityOrOff } from './types';
import { allRules } from './rules';
import { baseName, commandRunBy } from './model/commands';
import { parseFailures, type Unparsed } from './model/syntax';

export interface LintOptions {
  /** Resolved severity per rule id; rules missing here use their default. */
  severities?: Record<string, SeverityOrOff>;
  settings?: Partial<EngineSettings>;
  files?: FileAccess;
  /** Restrict the run to these rules (tests, --rule filters). */
  rules?: readonly Rule[];
  /** Called once per rule that throws; the other rules' findings are still returned. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** Severities that depend on the file itself (BuildKit's `# check=experimental=`), over `severities`. */
  severitiesFor?: (model: DockerfileModel) => Record<string, SeverityOrOff>;
  /** Filters findings after the rules ran (inline pragmas live here). */
  postprocess?: (model: DockerfileModel, findings: Finding[]) => Finding[];
  /**
   * The args and target the file is built with. lintText builds its model with it; lintModel and lintIncremental
   * lint the model as built (`model.invocation`), and build it again with this one when it differs.
   */
  invocation?: BuildInvocation;
}

export interface LintResult {
  model: DockerfileModel;
  findings: Finding[];
  ruleErrors: Array<{ rule: string; error: unknown }>;
}

/**
 * An inserted word (` -y`) placed right before a character that is glued to it (`install"x"`) would fuse
 * with it: keep a space after the insertion. Undefined when no text can be inserted there: before a glued
 * `<<` (`install<<EOF`), a space would turn the word into a heredoc Docker reads (it takes `<<EOF` as one
 * only when it starts a word), and without one the word stays glued.
 */
function separated(text: string, start: number, end: number, insert: string): string | undefined {
  if (start !== end || !insert.startsWith(' ') || /\s$/.test(insert)) return insert;
  const next = text[start];
  if (next === undefined || /\s/.test(next)) return insert;
  return text.startsWith('<<', start) ? undefined : `${insert} `;
}

export function lintText(text: string, options: LintOptions = {}): LintResult {
  return lintModel(new DockerfileModel(text, undefined, options.invocation), options);
}

/**
 * A key for an invocation: equal for invocations the rules cannot tell apart (maps in any order). Named contexts
 * change what FROM and --from read; secrets, the other builds' targets, where parts are declared and the shared
 * args are read by rules from the model's invocation, so a model built for another one is not reused for them.
 */
export function invocationKey(invocation: BuildInvocation | undefined): string {
  if (!invocation) return '';
  const sorted = <T>(map: Readonly<Record<string, T>> | undefined) => (map ? Object.keys(map).sort().map((k) => [k, map[k]]) : []);
  const contexts = sorted(invocation.contexts);
  const rest = [invocation.secrets ? [...invocation.secrets].sort() : null, invocation.builtTargets ?? [], sorted(invocation.declaredAt), sorted(invocation.alsoDeclaredAt), invocation.sharedArgs ? [...invocation.sharedArgs].sort() : null, sorted(invocation.localImages)];
  const more = invocation.secrets || invocation.builtTargets?.length || invocation.declaredAt || invocation.alsoDeclaredAt || invocation.sharedArgs?.length || invocation.localImages ? rest : [];
  return JSON.stringify([invocation.target ?? null, sorted(invocation.args), ...(contexts.length || more.length ? [contexts] : []), ...more]);
}

/** `model`, or when `options` ask for another invocation than it was built with, the same text built with that one. */
export function modelFor(model: DockerfileModel, options: LintOptions): DockerfileModel {
  const { invocation } = options;
  if (!invocation || invocation === model.invocation || invocationKey(invocation) === invocationKey(model.invocation)) return model;
  return new DockerfileModel(model.text, undefined, invocation);
}

/** A finding as its rule reported it, before the engine checked its fixes (toFindings). */
export type RawFinding = Finding;

/** Resolved severity per rule (`off` rules are skipped): the file's own (`severitiesFor`), then the options', then the default. */
export function severityOf(fromFile: Record<string, SeverityOrOff> | undefined, options: LintOptions): (rule: Rule) => SeverityOrOff {
  return (rule) => fromFile?.[rule.meta.id] ?? options.severities?.[rule.meta.id] ?? rule.meta.defaultSeverity;
}

export function engineSettings(options: LintOptions): EngineSettings {
  return { trustedRegistries: [], today: new Date().toISOString().slice(0, 10), locale: 'en', ...options.settings };
}

/** The RUN command names and instruction keywords a model (or a view of one stage) has, worked out once. */
interface Present {
  commands: Set<string>;
  /** Keywords of the instructions (ONBUILD triggers not included). */
  keywords: Set<string>;
  /** Keywords of ONBUILD triggers alone. */
  triggers: Set<string>;
}
const presence = new WeakMap<DockerfileModel, Present>();

function presentIn(model: DockerfileModel): Present {
  let found = presence.get(model);
  if (!found) {
    found = { commands: new Set(), keywords: new Set(), triggers: new Set() };
    const { instructions, triggers, runs } = model;
    for (let i = 0; i < instructions.length; i++) found.keywords.add(instructions[i].keyword);
    for (let i = 0; i < triggers.length; i++) found.triggers.add(triggers[i].keyword);
    for (let i = 0; i < runs.length; i++) {
      const commands = runs[i].run!.commands;
      for (let c = 0; c < commands.length; c++) {
        found.commands.add(baseName(commands[c]));
        // `xargs apt-get install`: rules about apt-get must run.
        const runs = commandRunBy(commands[c]);
        if (runs !== commands[c]) found.commands.add(baseName(runs));
      }
    }
    presence.set(model, found);
  }
  return found;
}

/**
 * `rule` with nothing skipped: besides its own handlers it registers every keyword of the file, so its `done()`
 * runs on every file. Linted with it, a file must get the same findings: what a rule registers may never hide a
 * finding (`npm run check:corpus` and a unit test hold every rule to it).
 */
export function unskipped(rule: Rule): Rule {
  if (!rule.create) return rule;
  const create = rule.create;
  const noop = () => undefined;
  return {
    ...rule,
    create(ctx) {
      const handlers = create(ctx);
      const every: Record<string, (instr: Instr) => void> = {};
      for (const instr of ctx.model.instructions) every[instr.keyword] = noop;
      return { ...handlers, instructions: { ...every, ...handlers.instructions } };
    },
  };
}

/** A rule to run, at the severity it reports at. */
export interface RuleRun { rule: Rule; severity: Severity }

/** The context a rule reports through: its findings go to `out`, checked against what the rule declares. */
function contextFor(rule: Rule, model: DockerfileModel, severity: Severity, settings: EngineSettings, files: FileAccess | undefined, out: RawFinding[]): RuleContext {
  return {
    model,
    settings,
    files,
    report(r) {
      const start = Math.max(0, Math.min(r.start, model.text.length));
      const end = Math.max(start, Math.min(r.end, model.text.length));
      const fixes: Fix[] = [];
      for (const f of r.fixes ?? []) {
        if (!fixAllowed(rule.meta, f.safety)) throw new Error(`${rule.meta.id} offered a ${f.safety} fix it does not declare`);
        if ('title' in f) fixes.push(f);
        else {
          const { titleId, data, ...spec } = f;
          fixes.push({ ...spec, title: formatMessage(rule.meta, titleId, data, settings.locale), titleId });
        }
      }
      if ('messageId' in r) {
        const data = dataStrings(rule.meta, r.data, settings.locale);
        out.push({ rule: rule.meta.id, severity, message: formatMessage(rule.meta, r.messageId, r.data, settings.locale), messageId: r.messageId, ...(data ? { data } : {}), start, end, fixes, ...(r.related?.length ? { related: r.related } : {}) });
      } else out.push({ rule: rule.meta.id, severity, message: r.message, start, end, fixes, ...(r.related?.length ? { related: r.related } : {}) });
    },
  };
}

/** A rule with handlers, while the walk runs: its findings so far, and the error that stopped it. */
interface Walker { rule: Rule; handlers: RuleHandlers; found: RawFinding[]; error?: unknown }
type Dispatch<F> = Map<string, Array<{ walker: Walker; handle: F }>>;

/** Adds a rule's handlers of one kind to the table, only those the model has; returns how many it added. */
function register<F>(table: Dispatch<F>, walker: Walker, handlers: Readonly<Record<string, F>> | undefined, present: ReadonlySet<string>): number {
  if (!handlers) return 0;
  let added = 0;
  for (const name of Object.keys(handlers)) {
    if (!present.has(name)) continue;
    let list = table.get(name);
    if (!list) table.set(name, list = []);
    list.push({ walker, handle: handlers[name] });
    added++;
  }
  return added;
}

type InstrHandler = (instr: Instr) => void;
type CommandHandler = (cmd: ShellCommand, instr: Instr) => void;

// Called per instruction and per command on every keystroke: no closure per call.
/** Calls an instruction handler unless its rule already failed; a throw stops the rule. */
function onInstr(walker: Walker, handle: InstrHandler, instr: Instr): void {
  if (walker.error !== undefined) return;
  try { handle(instr); } catch (error) { walker.error = error ?? new Error(`${walker.rule.meta.id} threw`); }
}

/** Calls a command handler unless its rule already failed; a throw stops the rule. */
function onCommand(walker: Walker, handle: CommandHandler, cmd: ShellCommand, instr: Instr): void {
  if (walker.error !== undefined) return;
  try { handle(cmd, instr); } catch (error) { walker.error = error ?? new Error(`${walker.rule.meta.id} threw`); }
}

/**
 * Runs rules over `model` (or a view of one stage of it) and appends their findings to `out`; returns the rules
 * that threw (their findings are dropped, the others' kept). Rules with `check` read the model themselves; the
 * rules with `create` share one walk of the instructions and RUN commands, each called only for what it
 * registered, and not at all on a model without any of it.
 */
export function runRules(rules: readonly RuleRun[], model: DockerfileModel, settings: EngineSettings, files: FileAccess | undefined, out: RawFinding[]): Array<{ rule: Rule; error: unknown }> {
  const errors: Array<{ rule: Rule; error: unknown }> = [];
  const walkers: Walker[] = [];
  const byKeyword: Dispatch<InstrHandler> = new Map();
  const byTrigger: Dispatch<InstrHandler> = new Map();
  const byCommand: Dispatch<CommandHandler> = new Map();
  const byRun: Dispatch<InstrHandler> = new Map();
  for (let r = 0; r < rules.length; r++) {
    const { rule, severity } = rules[r];
    if (rule.create) {
      const found: RawFinding[] = [];
      let handlers: RuleHandlers;
      try { handlers = rule.create(contextFor(rule, model, severity, settings, files, found)); } catch (error) { errors.push({ rule, error: error ?? new Error(`${rule.meta.id} threw`) }); continue; }
      const walker: Walker = { rule, handlers, found };
      const { keywords, commands, triggers } = presentIn(model);
      const registered = (handlers.instructions ? 1 : 0) + (handlers.triggers ? 1 : 0) + (handlers.commands ? 1 : 0) + (handlers.runs ? 1 : 0);
      const added = register(byKeyword, walker, handlers.instructions, keywords) + register(byTrigger, walker, handlers.triggers, triggers)
        + register(byCommand, walker, handlers.commands, commands) + register(byRun, walker, handlers.runs, commands);
      // Registered something and the model has none of it: nothing to report, `done` included.
      if (registered && !added) continue;
      walkers.push(walker);
      continue;
    }
    const before = out.length;
    try { rule.check(contextFor(rule, model, severity, settings, files, out)); } catch (error) {
      out.length = before;
      errors.push({ rule, error: error ?? new Error(`${rule.meta.id} threw`) });
    }
  }
  if (walkers.length) walk(model, byKeyword, byTrigger, byCommand, byRun);
  for (let w = 0; w < walkers.length; w++) {
    const walker = walkers[w];
    const { done } = walker.handlers;
    if (done && walker.error === undefined) {
      try { done(); } catch (error) { walker.error = error ?? new Error(`${walker.rule.meta.id} threw`); }
    }
    if (walker.error !== undefined) errors.push({ rule: walker.rule, error: walker.error });
    else for (let i = 0; i < walker.found.length; i++) out.push(walker.found[i]);
  }
  return errors;
}

/**
 * The one walk: instructions (and their ONBUILD triggers) in document order, then the RUNs (ONBUILD ones
 * included), each RUN's command handlers for its commands in order, then its RUN handlers.
 */
function walk(model: DockerfileModel, byKeyword: Dispatch<InstrHandler>, byTrigger: Dispatch<InstrHandler>, byCommand: Dispatch<CommandHandler>, byRun: Dispatch<InstrHandler>): void {
  const { instructions } = model;
  if (byKeyword.size || byTrigger.size) {
    for (let i = 0; i < instructions.length; i++) {
      const instr = instructions[i];
      const list = byKeyword.get(instr.keyword);
      if (list) for (let h = 0; h < list.length; h++) onInstr(list[h].walker, list[h].handle, instr);
      const trigger = instr.trigger;
      const onTrigger = trigger && byTrigger.get(trigger.keyword);
      if (onTrigger) for (let h = 0; h < onTrigger.length; h++) onInstr(onTrigger[h].walker, onTrigger[h].handle, trigger);
    }
  }
  if (!byCommand.size && !byRun.size) return;
  const { runs } = model;
  const called: Array<{ walker: Walker; handle: InstrHandler }> = [];
  for (let i = 0; i < runs.length; i++) {
    const instr = runs[i];
    const commands = instr.run!.commands;
    called.length = 0;
    for (let c = 0; c < commands.length; c++) {
      const cmd = commands[c];
      const name = baseName(cmd);
      const runBy = commandRunBy(cmd);
      // `xargs apt-get`: an `xargs` command and an `apt-get` one.
      const other = runBy === cmd ? undefined : baseName(runBy);
      if (byCommand.size) {
        const own = byCommand.get(name);
        if (own) for (let h = 0; h < own.length; h++) onCommand(own[h].walker, own[h].handle, cmd, instr);
        const via = other === undefined ? undefined : byCommand.get(other);
        if (via) {
          for (let h = 0; h < via.length; h++) {
            const { walker, handle } = via[h];
            // Each function once per command, also when it is registered under both names.
            if (!own?.some((o) => o.walker === walker && o.handle === handle)) onCommand(walker, handle, cmd, instr);
          }
        }
      }
      if (byRun.size) {
        collect(called, byRun.get(name));
        if (other !== undefined) collect(called, byRun.get(other));
      }
    }
    for (let h = 0; h < called.length; h++) onInstr(called[h].walker, called[h].handle, instr);
  }
}

/** Adds the RUN handlers of `list` that are not in `called` yet (one call per RUN and function). */
function collect(called: Array<{ walker: Walker; handle: InstrHandler }>, list: Array<{ walker: Walker; handle: InstrHandler }> | undefined): void {
  if (!list) return;
  for (let h = 0; h < list.length; h++) if (!called.some((c) => c.walker === list[h].walker && c.handle === list[h].handle)) called.push(list[h]);
}

/**
 * The findings as the engine gives them: each fix's edits kept clear of a byte-order mark and of words they would
 * fuse with (a fix whose edit cannot be made is withheld), safe fixes inside what does not parse offered as
 * unsafe; sorted by position (then rule, end and message, so the order never depends on the order rules ran in).
 */
export function toFindings(model: DockerfileModel, raw: RawFinding[], sorted = true): Finding[] {
  // A byte-order mark is no instruction's: an edit at the start of the file goes after it (an ARG inserted
  // before it left the mark glued to the FROM that followed, `\uFEFFFROM`, an unknown instruction).
  const bom = model.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // What Dockwise cannot read as Docker does: the shell scripts of RUNs (ONBUILD ones too) with syntax errors,
  // and instructions with a flag that is no flag name (`RUN --'network=none …`, whose quote Docker reads on).
  const unparsed: Array<{ start: number; end: number }> = !raw.some((r) => r.fixes.length) ? [] : [
    ...model.runs.flatMap((i) => i.run!.scripts.filter((s) => s.hasErrors).map((s) => ({ start: s.base, end: s.base + s.text.length }))),
    ...[...model.instructions, ...model.triggers].filter((i) => i.flags.some((f) => !/^[A-Za-z][\w-]*$/.test(f.name) || /["']/.test(f.value ?? ''))),
  ];
  const findings: Finding[] = raw.map((r) => (!r.fixes.length ? r : {
    ...r,
    fixes: r.fixes.flatMap((f): Fix[] => {
      const edits: Fix['edits'] = [];
      for (const e of f.edits) {
        const start = Math.max(e.start, bom);
        const end = Math.max(e.end, start);
        const text = separated(model.text, start, end, e.text);
        // An edit that cannot be made as it stands: the fix is withheld.
        if (text === undefined) return [];
        edits.push(start === e.start && end === e.end && text === e.text ? e : { start, end, text });
      }
      // Safe means shown to keep the build's meaning, and what does not parse cannot be compared before and
      // after: a safe fix inside it is offered as unsafe.
      const safety = f.safety === 'safe' && f.edits.some((e) => unparsed.some((u) => u.start <= e.end && e.start <= u.end)) ? 'unsafe' : f.safety;
      return [{ title: f.title, ...(f.titleId ? { titleId: f.titleId } : {}), safety, edits, ...(f.createFiles ? { createFiles: f.createFiles } : {}), ...(f.editFiles ? { editFiles: f.editFiles } : {}), ...(f.changes ? { changes: f.changes } : {}) }];
    }),
  }));
  return sorted ? findings.sort(compareFindings) : findings;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || a.end - b.end || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

export function lintModel(given: DockerfileModel, options: LintOptions = {}): LintResult {
  const model = modelFor(given, options);
  const settings = engineSettings(options);
  const severity = severityOf(options.severitiesFor?.(model), options);
  const raw: RawFinding[] = [];
  const ruleErrors: LintResult['ruleErrors'] = [];
  const runs: RuleRun[] = [];
  for (const rule of options.rules ?? allRules) {
    const sev = severity(rule);
    if (sev !== 'off') runs.push({ rule, severity: sev });
  }
  for (const { rule, error } of runRules(runs, model, settings, options.files, raw)) {
    ruleErrors.push({ rule: rule.meta.id, error });
    options.onRuleError?.(rule.meta.id, error);
  }
  const findings = withoutUnparsed(model, toFindings(model, raw), options.files?.dockerfileName);
  const result = options.postprocess ? options.postprocess(model, findings) : findings;
  return { model, findings: result, ruleErrors };
}

/**
 * The findings less what rules said about instructions that do not parse (an unknown keyword, template text):
 * on those only the rule that explains the failure reports, and no fix edits them (a casing fix would turn
 * jq's `sub("[a-zA-Z]")` into `SUB("[A-ZA-Z]")`). `model` is the whole file's, `fileName` the Dockerfile's name
 * (a `Dockerfile.template` is a template). The findings kept are the same objects, except those that lose fixes.
 */
export function withoutUnparsed(model: DockerfileModel, findings: Finding[], fileName: string | undefined): Finding[] {
  const { unparsed } = parseFailures(model, fileName);
  if (!unparsed.length) return findings;
  const out: Finding[] = [];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    const on = unparsedAt(unparsed, f.start);
    if (on) {
      if (on.owner === f.rule) out.push(f);
      continue;
    }
    const fixes = f.fixes.filter((fix) => !fix.edits.some((e) => touchesUnparsed(unparsed, e.start, e.end)));
    out.push(fixes.length === f.fixes.length ? f : { ...f, fixes });
  }
  return out;
}

/** The index of the first unparsed instruction that ends at or after `offset` (they are in document order). */
function firstEndingFrom(unparsed: Unparsed[], offset: number): number {
  let lo = 0;
  let hi = unparsed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (unparsed[mid].instr.end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The unparsed instruction `offset` lies in (its end included). */
function unparsedAt(unparsed: Unparsed[], offset: number): Unparsed | undefined {
  const u = unparsed[firstEndingFrom(unparsed, offset)];
  return u && u.instr.start <= offset ? u : undefined;
}

/**
 * Whether an edit of [start, end) changes an unparsed instruction: overlaps it, inserts into it or at its end,
 * or deletes the line break after it. (An insertion at its start, a new line before it, leaves it as it is.)
 */
function touchesUnparsed(unparsed: Unparsed[], start: number, end: number): boolean {
  for (let i = firstEndingFrom(unparsed, start); i < unparsed.length; i++) {
    const { instr } = unparsed[i];
    if (instr.start > end) break;
    if (start === end ? start > instr.start : end > instr.start) return true;
  }
  return false;
}
