// Linting while the user types: rules whose findings stay inside one stage (meta.scope 'stage') keep their
// findings for every stage the edit did not touch; only the edited stage runs them again.
//
// The file is cut into units: the header (everything before the first FROM's stage) and one unit per stage,
// from the end of the previous stage's last instruction to the end of its own. A stage-scoped rule reads its
// unit, the units it is related to (the stages it is built FROM, copies from, or is copied from by), the
// header, and the FROM lines. A unit's findings are reused when all of that is unchanged (unchangedUnits).
import type { DockerfileModel, Instr, Stage } from './model/dockerfile';
import { compareFindings, engineSettings, runRule, severityOf, toFindings, type LintOptions, type LintResult, type RawFinding } from './linter';
import type { Rule } from './rule';
import type { Finding, Severity } from './types';
import { allRules } from './rules';

interface Unit {
  stage: Stage | null;
  start: number;
  end: number;
  instructions: Instr[];
}

/** One version's units as the next version compares them. */
interface Generation {
  /** Each unit's text, and whether the line after it is blank, a comment or text (a rule may look one line ahead: `RUN a \\ # x` then FROM). */
  texts: string[];
  /** First line, line-break style and the stage's role (final, shipped, used by which stages). */
  metas: string[];
  /** What the unit's FROM says, by its flags and words (not its spacing); '' for the header. */
  froms: string[];
  /** The units each unit is related to (built FROM, copies from, is copied from by). */
  related: number[][];
  /** Findings per rule id for each unit (line/character: valid while the unit starts on the same line). */
  findings: Array<Map<string, Finding[]>>;
  /** Per unit, the stage-scoped rules whose findings could not be kept (they run again every time). */
  uncached: Rule[][];
}

/** What one lint leaves for the next one on the same document. Opaque to callers. */
export interface LintMemo {
  key: string;
  files: unknown;
  rules: readonly Rule[];
  current: Generation;
  /** The version before: undoing an edit that cut the file short finds its units there. */
  older?: Generation;
}

/** The header and one unit per stage; together they cover the whole text. */
function unitsOf(model: DockerfileModel): Unit[] {
  const { instructions, stages, text } = model;
  const units: Unit[] = [];
  let start = 0;
  let from = 0;
  let stage: Stage | null = null;
  instructions.forEach((instr, i) => {
    if (instr.keyword !== 'FROM' || !instr.stage || instr.stage.from !== instr) return;
    const end = i > 0 ? instructions[i - 1].end : 0;
    units.push({ stage, start, end, instructions: stage ? stage.instructions : instructions.slice(from, i) });
    start = end;
    from = i;
    stage = instr.stage;
  });
  units.push({ stage, start, end: text.length, instructions: stage ? (stage as Stage).instructions : instructions.slice(from) });
  if (units.length !== stages.length + 1) throw new Error('units and stages disagree');
  return units;
}

function describe(model: DockerfileModel, units: Unit[]): Generation {
  const related = units.map(() => new Set<number>());
  for (const st of model.stages) {
    for (let p = st.parent; p; p = p.parent) related[st.index + 1].add(p.index + 1);
    for (const user of st.usedBy) {
      if (!user.stage) continue;
      related[user.stage.index + 1].add(st.index + 1);
      related[st.index + 1].add(user.stage.index + 1);
    }
  }
  const { lines } = model;
  return {
    texts: units.map((u) => {
      const after = lines.positionAt(u.end).line + 1;
      const next = after < lines.lineCount ? lines.lineText(after).trim() : '';
      return `${model.text.slice(u.start, u.end)}\u0004${next === '' ? 'blank' : next.startsWith('#') ? 'comment' : 'text'}`;
    }),
    metas: units.map((u) => `${lines.positionAt(u.start).line}:${lines.eol}:${u.stage ? `${u.stage.isFinal}/${u.stage.ships}/${u.stage.usedBy.map((i) => i.stage?.index ?? -1).join(',')}` : ''}`),
    froms: units.map((u) => (u.stage ? [...u.stage.from.flags.map((f) => `--${f.name}=${f.value ?? ''}`), ...u.stage.from.args.map((a) => a.value)].join('\u0002') : '')),
    related: related.map((r) => [...r].sort((x, y) => x - y)),
    findings: units.map(() => new Map()),
    uncached: units.map(() => []),
  };
}

/**
 * The units of `old` that a stage-scoped rule would see exactly as in `cur`: same first line and role, same
 * text, same related units with the same texts, same header, and the same FROM lines up to it (a stage can only
 * name earlier ones). Typing at the end of a FROM line, or cutting the file short, leaves the other units alone.
 */
function unchangedUnits(old: Generation | undefined, cur: Generation): boolean[] {
  const n = cur.texts.length;
  if (!old) return new Array<boolean>(n).fill(false);
  const sameText = cur.texts.map((t, k) => k < old.texts.length && old.texts[k] === t);
  const out: boolean[] = [];
  let fromsSame = true;
  for (let k = 0; k < n; k++) {
    fromsSame = fromsSame && k < old.froms.length && old.froms[k] === cur.froms[k];
    out.push(fromsSame && sameText[k] && sameText[0] && old.metas[k] === cur.metas[k]
      && old.related[k].length === cur.related[k].length && cur.related[k].every((r, i) => old.related[k][i] === r && sameText[r]));
  }
  return out;
}

/**
 * Lints `model` like lintModel, reusing the stage-scoped findings of `memo` (from the previous version of the
 * same document, linted with the same options) for the stages the edit left alone. Returns the findings and
 * the memo for the next version. The findings are exactly lintModel's.
 */
export function lintIncremental(model: DockerfileModel, options: LintOptions, memo?: LintMemo): { result: LintResult; memo: LintMemo } {
  const settings = engineSettings(options);
  const rules = options.rules ?? allRules;
  const fromFile = options.severitiesFor?.(model);
  const severity = severityOf(fromFile, options);
  const key = JSON.stringify([options.severities ?? null, fromFile ?? null, settings]);
  const units = unitsOf(model);
  const usable = memo && memo.key === key && memo.files === options.files && memo.rules === rules ? memo : undefined;
  const current = describe(model, units);
  const inCurrent = unchangedUnits(usable?.current, current);
  const inOlder = unchangedUnits(usable?.older, current);
  const prior = units.map((_, k) => {
    const from = inCurrent[k] ? usable!.current : inOlder[k] ? usable!.older! : undefined;
    return from && { findings: from.findings[k], uncached: from.uncached[k] };
  });
  const next: LintMemo = { key, files: options.files, rules, current, older: usable?.current };
  const views: Array<DockerfileModel | undefined> = [];
  const raw: RawFinding[] = [];
  /** Findings of stage-scoped rules, already converted (kept ones are reused as they are). */
  const staged: Finding[] = [];
  const ruleErrors: LintResult['ruleErrors'] = [];
  const failed = (rule: Rule, error: unknown) => {
    if (ruleErrors.some((e) => e.rule === rule.meta.id)) return;
    ruleErrors.push({ rule: rule.meta.id, error });
    options.onRuleError?.(rule.meta.id, error);
  };
  const stageRules: Array<[Rule, Severity]> = [];
  for (const rule of rules) {
    const sev = severity(rule);
    if (sev === 'off') continue;
    if (rule.meta.scope === 'stage') { stageRules.push([rule, sev]); continue; }
    const error = runRule(rule, model, sev, settings, options.files, raw);
    if (error !== undefined) failed(rule, error);
  }
  units.forEach((unit, k) => {
    const kept = prior[k];
    let toRun = stageRules;
    if (kept) {
      // Same rules, same severities (the memo's key), same inputs: the kept findings hold, and only the rules
      // that could not be kept run again.
      for (const list of kept.findings.values()) for (const f of list) staged.push(f);
      current.findings[k] = kept.findings;
      const again = new Set(kept.uncached);
      toRun = stageRules.filter(([rule]) => again.has(rule));
    }
    for (const [rule, sev] of toRun) {
      const found: RawFinding[] = [];
      const error = runRule(rule, views[k] ??= model.viewOf(unit.instructions, unit.stage ? [unit.stage] : []), sev, settings, options.files, found);
      if (error !== undefined) { failed(rule, error); current.uncached[k].push(rule); continue; }
      const converted = toFindings(model, found, false);
      for (const f of converted) staged.push(f);
      // Kept only when every offset lies in the unit: text elsewhere may move while this unit stays.
      const inside = (s: number, e: number) => s >= unit.start && e <= unit.end;
      if (found.every((f) => inside(f.start, f.end) && f.fixes.every((x) => x.edits.every((e) => inside(e.start, e.end))))) current.findings[k].set(rule.meta.id, converted);
      else current.uncached[k].push(rule);
    }
  });
  const findings = [...toFindings(model, raw, false), ...staged].sort(compareFindings);
  return { result: { model, findings: options.postprocess ? options.postprocess(model, findings) : findings, ruleErrors }, memo: next };
}
