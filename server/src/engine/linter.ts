// Runs every enabled rule over one model and collects findings with line/character ranges.
import { DockerfileModel } from './model/dockerfile';
import { fixAllowed, type EngineSettings, type FileAccess, type Rule, type RuleContext } from './rule';
import type { Finding, Fix, Severity, SeverityOrOff } from './types';
import { allRules } from './rules';

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

export function lintModel(model: DockerfileModel, options: LintOptions = {}): LintResult {
  const settings: EngineSettings = { trustedRegistries: [], today: new Date().toISOString().slice(0, 10), ...options.settings };
  const findings: Finding[] = [];
  const ruleErrors: LintResult['ruleErrors'] = [];
  const fromFile = options.severitiesFor?.(model);
  for (const rule of options.rules ?? allRules) {
    const severity = fromFile?.[rule.meta.id] ?? options.severities?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (severity === 'off') continue;
    const ctx: RuleContext = {
      model,
      settings,
      files: options.files,
      report(r) {
        const start = Math.max(0, Math.min(r.start, model.text.length));
        const end = Math.max(start, Math.min(r.end, model.text.length));
        const fixes: Fix[] = [];
        for (const f of r.fixes ?? []) {
          if (!fixAllowed(rule.meta, f.safety)) throw new Error(`${rule.meta.id} offered a ${f.safety} fix it does not declare`);
          fixes.push({
            title: f.title,
            safety: f.safety,
            edits: f.edits.map((e) => ({ range: model.range(e.start, e.end), newText: separated(model.text, e.start, e.end, e.text) })),
            ...(f.createFiles ? { createFiles: f.createFiles } : {}),
          });
        }
        findings.push({ rule: rule.meta.id, severity: severity as Severity, message: r.message, range: model.range(start, end), fixes });
      },
    };
    const before = findings.length;
    try {
      rule.check(ctx);
    } catch (error) {
      findings.length = before;
      ruleErrors.push({ rule: rule.meta.id, error });
      options.onRuleError?.(rule.meta.id, error);
    }
  }
  findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.rule.localeCompare(b.rule));
  const result = options.postprocess ? options.postprocess(model, findings) : findings;
  return { model, findings: result, ruleErrors };
}
