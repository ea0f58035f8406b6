// Runs every enabled rule over one model and collects findings with line/character ranges.
import { DockerfileModel } from './model/dockerfile';
import { fixAllowed, type EngineSettings, type FileAccess, type FixSpec, type Rule, type RuleContext } from './rule';
import type { Finding, Fix, Severity, SeverityOrOff } from './types';
import { allRules } from './rules';
import { baseName } from './model/commands';

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
}

export interface LintResult {
  model: DockerfileModel;
  findings: Finding[];
  ruleErrors: Array<{ rule: string; error: unknown }>;
}

/**
 * An inserted word (` -y`) placed right before a character that is glued to it (`install<<EOF`) would
 * fuse with it: keep a space after the insertion.
 */
function separated(text: string, start: number, end: number, insert: string): string {
  if (start !== end || !insert.startsWith(' ') || /\s$/.test(insert)) return insert;
  const next = text[start];
  return next === undefined || /\s/.test(next) ? insert : `${insert} `;
}

export function lintText(text: string, options: LintOptions = {}): LintResult {
  return lintModel(new DockerfileModel(text), options);
}

/** A finding by document offsets, before it is turned into line/character ranges. */
export interface RawFinding { rule: string; severity: Severity; message: string; start: number; end: number; fixes: FixSpec[] }

/** Resolved severity per rule (`off` rules are skipped): the file's own (`severitiesFor`), then the options', then the default. */
export function severityOf(fromFile: Record<string, SeverityOrOff> | undefined, options: LintOptions): (rule: Rule) => SeverityOrOff {
  return (rule) => fromFile?.[rule.meta.id] ?? options.severities?.[rule.meta.id] ?? rule.meta.defaultSeverity;
}

export function engineSettings(options: LintOptions): EngineSettings {
  return { trustedRegistries: [], today: new Date().toISOString().slice(0, 10), ...options.settings };
}

/** The RUN command names and instruction keywords a model (or a view of one stage) has, worked out once. */
const presence = new WeakMap<DockerfileModel, { commands: Set<string>; keywords: Set<string> }>();

function presentIn(model: DockerfileModel): { commands: Set<string>; keywords: Set<string> } {
  let found = presence.get(model);
  if (!found) {
    found = { commands: new Set(), keywords: new Set() };
    const { instructions, triggers, runs } = model;
    for (let i = 0; i < instructions.length; i++) found.keywords.add(instructions[i].keyword);
    for (let i = 0; i < triggers.length; i++) found.keywords.add(triggers[i].keyword);
    for (let i = 0; i < runs.length; i++) {
      const commands = runs[i].run!.commands;
      for (let c = 0; c < commands.length; c++) found.commands.add(baseName(commands[c]));
    }
    presence.set(model, found);
  }
  return found;
}

/** Whether `rule` could report anything on `model`: it has something the rule's `meta.needs` names (or the rule names nothing). */
export function mayReport(rule: Rule, model: DockerfileModel): boolean {
  const { needs } = rule.meta;
  if (!needs) return true;
  const { commands, keywords } = presentIn(model);
  return anyIn(needs.commands, commands) || anyIn(needs.keywords, keywords);
}

// Asked for every rule on every keystroke: a plain loop, no callback to allocate.
function anyIn(names: readonly string[] | undefined, present: ReadonlySet<string>): boolean {
  if (!names) return false;
  for (let i = 0; i < names.length; i++) if (present.has(names[i])) return true;
  return false;
}

/**
 * Runs one rule over `model` (or a view of one stage of it) and appends its findings to `out`. Returns the
 * error when the rule throws; its partial findings are then dropped. A rule whose `meta.needs` the model does
 * not have is not run at all.
 */
export function runRule(rule: Rule, model: DockerfileModel, severity: Severity, settings: EngineSettings, files: FileAccess | undefined, out: RawFinding[]): unknown {
  if (!mayReport(rule, model)) return undefined;
  const before = out.length;
  const ctx: RuleContext = {
    model,
    settings,
    files,
    report(r) {
      const start = Math.max(0, Math.min(r.start, model.text.length));
      const end = Math.max(start, Math.min(r.end, model.text.length));
      for (const f of r.fixes ?? []) {
        if (!fixAllowed(rule.meta, f.safety)) throw new Error(`${rule.meta.id} offered a ${f.safety} fix it does not declare`);
      }
      out.push({ rule: rule.meta.id, severity, message: r.message, start, end, fixes: r.fixes ?? [] });
    },
  };
  try {
    rule.check(ctx);
    return undefined;
  } catch (error) {
    out.length = before;
    return error ?? new Error(`${rule.meta.id} threw`);
  }
}

/** Line/character findings, sorted by position (then rule, end and message, so the order never depends on the order rules ran in). */
export function toFindings(model: DockerfileModel, raw: RawFinding[], sorted = true): Finding[] {
  const findings: Finding[] = raw.map((r) => ({
    rule: r.rule,
    severity: r.severity,
    message: r.message,
    range: model.range(r.start, r.end),
    fixes: r.fixes.map((f): Fix => ({
      title: f.title,
      safety: f.safety,
      edits: f.edits.map((e) => ({ range: model.range(e.start, e.end), newText: separated(model.text, e.start, e.end, e.text) })),
      ...(f.createFiles ? { createFiles: f.createFiles } : {}),
      ...(f.changes ? { changes: f.changes } : {}),
    })),
  }));
  return sorted ? findings.sort(compareFindings) : findings;
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0)
    || a.range.end.line - b.range.end.line || a.range.end.character - b.range.end.character || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

export function lintModel(model: DockerfileModel, options: LintOptions = {}): LintResult {
  const settings = engineSettings(options);
  const severity = severityOf(options.severitiesFor?.(model), options);
  const raw: RawFinding[] = [];
  const ruleErrors: LintResult['ruleErrors'] = [];
  for (const rule of options.rules ?? allRules) {
    const sev = severity(rule);
    if (sev === 'off') continue;
    const error = runRule(rule, model, sev, settings, options.files, raw);
    if (error !== undefined) {
      ruleErrors.push({ rule: rule.meta.id, error });
      options.onRuleError?.(rule.meta.id, error);
    }
  }
  const findings = toFindings(model, raw);
  const result = options.postprocess ? options.postprocess(model, findings) : findings;
  return { model, findings: result, ruleErrors };
}
