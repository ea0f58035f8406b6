// Linting while the user types: rules whose findings stay inside one stage (meta.scope 'stage') keep their
// findings for every stage the edit did not touch; only the edited stage runs them again.
//
// The file is cut into units: the header (everything before the first FROM's stage) and one unit per stage,
// from the end of the previous stage's last instruction to the end of its own. A stage-scoped rule reads its
// unit, the units it is related to (the stages it is built FROM, copies from, or is copied from by), the
// header, and the stages it looks up by name. A unit's findings are reused when all of that is unchanged
// (matchUnits), wherever the unit now is in the list of units.
import type { DockerfileModel, Instr, Stage, StageLookup } from './model/dockerfile';
import { compareFindings, engineSettings, invocationKey, modelFor, runRules, severityOf, toFindings, withoutUnparsed, type LintOptions, type LintResult, type RawFinding, type RuleRun } from './linter';
import type { EngineSettings, Rule } from './rule';
import type { Finding } from './types';
import { allRules } from './rules';
import { detectStyle } from './format/style';

interface Unit {
  stage: Stage | null;
  start: number;
  end: number;
  instructions: Instr[];
}

/** One version's units as the next version compares them. */
interface Generation {
  /** Each unit's text (a slice of the document: no copy). */
  texts: string[];
  /** Whether the line after each unit is blank, a comment or text (a rule may look one line ahead: `RUN a \\ # x` then FROM). */
  nexts: string[];
  /** The line each unit starts on: a unit's findings are kept only while it starts on the same line. */
  lines: number[];
  /** The offset each unit starts at: kept findings move with their unit (a line above it grew or shrank). */
  starts: number[];
  /** What a unit's fixes write that the rest of the file decides (its line breaks, continuation indent and `&&` side), and the stage's role (final, shipped). */
  metas: string[];
  /** The units each unit is related to (built FROM, copies from, is copied from by). */
  related: number[][];
  /** The units whose stages use each unit's stage (FROM it, COPY --from, RUN --mount=from). */
  users: number[][];
  /** The stage names each unit's rules looked up, and the units they found (-1: none; `before` -1: no limit). */
  lookups: Array<Array<{ name: string; before: number; found: number }>>;
  /** Each unit's findings of the rules that could be kept (by offsets in this version's text). */
  findings: Finding[][];
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
  for (let s = 0; s < model.stages.length; s++) {
    const st = model.stages[s];
    for (let p = st.parent; p; p = p.parent) related[st.index + 1].add(p.index + 1);
    for (let u = 0; u < st.usedBy.length; u++) {
      const user = st.usedBy[u];
      if (!user.stage) continue;
      related[user.stage.index + 1].add(st.index + 1);
      related[st.index + 1].add(user.stage.index + 1);
    }
  }
  const { lines } = model;
  // Text a fix appends to a one-line RUN follows the file's style (rules/support.ts): when it changes, no finding is kept.
  const style = detectStyle(model);
  // Whether the target names a stage decides which stages run (DockerfileModel.isRunImage), in every unit.
  const fileMeta = `${lines.eol}:${style.indent ?? ''}:${style.operators ?? ''}:${model.targetStage ? 'target' : ''}`;
  return {
    texts: units.map((u) => model.text.slice(u.start, u.end)),
    nexts: units.map((u) => {
      const after = lines.positionAt(u.end).line + 1;
      const next = after < lines.lineCount ? lines.lineText(after).trim() : '';
      return next === '' ? 'blank' : next.startsWith('#') ? 'comment' : 'text';
    }),
    lines: units.map((u) => lines.positionAt(u.start).line),
    starts: units.map((u) => u.start),
    metas: units.map((u) => `${fileMeta}:${u.stage ? `${u.stage.isFinal}/${u.stage.ships}` : ''}`),
    related: related.map((r) => [...r].sort((x, y) => x - y)),
    users: units.map((u) => (u.stage ? u.stage.usedBy.map((i) => (i.stage ? i.stage.index + 1 : 0)) : [])),
    lookups: units.map(() => []),
    findings: units.map(() => []),
    uncached: units.map(() => []),
  };
}

type Lookups = Generation['lookups'][number];

/** The old unit a unit matches (-1 for none) and its stage-name lookups as they resolve now. */
interface UnitMatch { index: number; lookups: Lookups }

/**
 * For each unit of `cur`, the unit of `old` whose findings it can keep (-1 for none): the one that starts on
 * the same line with the same text, the same role, related to and used by the matching units (themselves
 * unchanged), under the same header, and whose stage-name lookups still find the matching stages. Units are
 * matched by where they start and what they say, not by their index: an edit that makes one stage vanish (a
 * heredoc delimiter being typed swallows the next FROM) leaves the stages after it to keep their findings.
 * Returns, per unit of `cur`, that index (or -1) and the unit's stage-name lookups as they resolve now.
 */
function matchUnits(model: DockerfileModel, old: Generation | undefined, cur: Generation): UnitMatch[] {
  const n = cur.texts.length;
  const none: UnitMatch[] = new Array<UnitMatch>(n).fill({ index: -1, lookups: [] });
  if (!old) return none;
  // Two stages never start on the same line (the header may share line 0 with the first stage).
  const byLine = new Map<number, number>();
  old.lines.forEach((line, j) => { if (j > 0) byLine.set(line, j); });
  const unchanged = (k: number, j: number) => old.texts[j] === cur.texts[k] && old.nexts[j] === cur.nexts[k];
  const match = cur.texts.map((_, k) => {
    const j = k === 0 ? 0 : byLine.get(cur.lines[k]);
    return j !== undefined && unchanged(k, j) ? j : -1;
  });
  if (match[0] !== 0) return none;
  // A related unit may have moved (lines added above it) as long as its text is the same: `sameAs` also pairs
  // units by text alone (a text found in several old units pairs nothing). Built only when a related unit moved.
  let byText: Map<string, number> | undefined;
  const paired = new Map<number, number>();
  const sameAs = (k: number): number => {
    if (match[k] >= 0) return match[k];
    if (!byText) {
      byText = new Map();
      for (const [j, text] of old.texts.entries()) byText.set(text, byText.has(text) ? -1 : j);
      const matched = new Set(match);
      const moved = new Map<number, number>();
      for (let u = 0; u < n; u++) {
        const j = match[u] < 0 ? byText.get(cur.texts[u]) : undefined;
        if (j === undefined || j < 0 || matched.has(j) || !unchanged(u, j)) continue;
        moved.set(j, moved.has(j) ? -1 : u);
      }
      for (const [j, u] of moved) if (u >= 0) paired.set(u, j);
    }
    return paired.get(k) ?? -1;
  };
  let back: Map<number, number> | undefined;
  const current = (j: number) => {
    if (!back) {
      back = new Map();
      for (let k = 0; k < n; k++) { const o = sameAs(k); if (o >= 0) back.set(o, k); }
    }
    return back.get(j);
  };
  const sameUnits = (now: number[], then: number[]) => now.length === then.length && now.every((r, i) => sameAs(r) === then[i]);
  return match.map((j, k): UnitMatch => {
    if (j < 0 || old.metas[j] !== cur.metas[k] || !sameUnits(cur.related[k], old.related[j]) || !sameUnits(cur.users[k], old.users[j])) return none[k];
    const lookups: Lookups = [];
    for (const l of old.lookups[j]) {
      const before = l.before < 0 ? -1 : current(l.before);
      if (before === undefined) return none[k];
      const found = model.stageByName(l.name, before > 0 ? model.stages[before - 1] : undefined);
      if (found ? sameAs(found.index + 1) < 0 || sameAs(found.index + 1) !== l.found : l.found !== -1) return none[k];
      lookups.push({ name: l.name, before, found: found ? found.index + 1 : -1 });
    }
    return { index: j, lookups };
  });
}

/**
 * Lints `model` like lintModel, reusing the stage-scoped findings of `memo` (from the previous version of the
 * same document, linted with the same options) for the stages the edit left alone. Returns the findings and
 * the memo for the next version. The findings are exactly lintModel's.
 */
export function lintIncremental(given: DockerfileModel, options: LintOptions, memo?: LintMemo): { result: LintResult; memo: LintMemo } {
  const model = modelFor(given, options);
  const settings = engineSettings(options);
  const rules = options.rules ?? allRules;
  const fromFile = options.severitiesFor?.(model);
  const severity = severityOf(fromFile, options);
  // Another invocation resolves other images and ships another stage: no finding of one is kept for the other.
  const key = JSON.stringify([options.severities ?? null, fromFile ?? null, settings, invocationKey(model.invocation)]);
  const units = unitsOf(model);
  const usable = memo && memo.key === key && memo.files === options.files && memo.rules === rules ? memo : undefined;
  const current = describe(model, units);
  // Matched against the previous version first, then the one before it (an undo).
  const inCurrent = matchUnits(model, usable?.current, current);
  const inOlder = matchUnits(model, usable?.older, current);
  const next: LintMemo = { key, files: options.files, rules, current, older: usable?.current };
  const run: UnitRun = { model, settings, files: options.files, current, staged: [], ruleErrors: [], onRuleError: options.onRuleError };
  // Indexed loops here and in lintUnit, and small functions: this runs on every keystroke, mostly before V8 has
  // optimized it (an unoptimized for-of allocates an iterator result per element), and a big function with
  // loops is what V8 then spends the longest compiling, on a core the editor could use.
  const raw: RawFinding[] = [];
  const stageRules: RuleRun[] = [];
  const wholeFile: RuleRun[] = [];
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    const sev = severity(rule);
    if (sev === 'off') continue;
    if (rule.meta.scope === 'stage') stageRules.push({ rule, severity: sev });
    else wholeFile.push({ rule, severity: sev });
  }
  const errors = runRules(wholeFile, model, settings, options.files, raw);
  for (let e = 0; e < errors.length; e++) failed(run, errors[e].rule, errors[e].error);
  for (let k = 0; k < units.length; k++) {
    const at = units[k].start;
    const kept = inCurrent[k].index >= 0 ? keptFrom(usable!.current, inCurrent[k], at) : inOlder[k].index >= 0 ? keptFrom(usable!.older!, inOlder[k], at) : undefined;
    lintUnit(run, units[k], k, kept, stageRules);
  }
  const findings = toFindings(model, raw, false);
  for (let i = 0; i < run.staged.length; i++) findings.push(run.staged[i]);
  findings.sort(compareFindings);
  // Over the whole file, as lintModel does: an edit anywhere can make a file a template, and with it the
  // instructions of a stage whose findings were kept.
  const kept = withoutUnparsed(model, findings, options.files?.dockerfileName);
  return { result: { model, findings: options.postprocess ? options.postprocess(model, kept) : kept, ruleErrors: run.ruleErrors }, memo: next };
}


/** What one lint shares with each unit's. */
interface UnitRun {
  model: DockerfileModel;
  settings: EngineSettings;
  files: LintOptions['files'];
  current: Generation;
  /** Findings of stage-scoped rules, already converted (kept ones are reused as they are). */
  staged: Finding[];
  ruleErrors: LintResult['ruleErrors'];
  onRuleError: LintOptions['onRuleError'];
}

interface Kept { findings: Finding[]; uncached: Rule[]; lookups: Lookups }

/** A matched unit's findings, moved to where the unit now starts (`at`). */
function keptFrom(from: Generation, match: UnitMatch, at: number): Kept {
  const delta = at - from.starts[match.index];
  const findings = from.findings[match.index];
  return { findings: delta ? findings.map((f) => moved(f, delta)) : findings, uncached: from.uncached[match.index], lookups: match.lookups };
}

/** The finding `delta` characters further on, its fixes' edits too: a copy, since the previous version's findings never change. */
function moved(f: Finding, delta: number): Finding {
  return {
    ...f,
    start: f.start + delta,
    end: f.end + delta,
    fixes: !f.fixes.length ? f.fixes : f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ start: e.start + delta, end: e.end + delta, text: e.text })) })),
  };
}

function failed(run: UnitRun, rule: Rule, error: unknown): void {
  if (run.ruleErrors.some((e) => e.rule === rule.meta.id)) return;
  run.ruleErrors.push({ rule: rule.meta.id, error });
  run.onRuleError?.(rule.meta.id, error);
}

/** Keeps a unit's findings or runs its stage-scoped rules again, and records what the next version needs. */
function lintUnit(run: UnitRun, unit: Unit, k: number, kept: Kept | undefined, stageRules: RuleRun[]): void {
  const { model, current, staged } = run;
  let toRun = stageRules;
  if (kept) {
    // Same rules, same severities (the memo's key), same inputs: the kept findings hold, and only the rules
    // that could not be kept run again. (A generation's lists are never changed once made: the one before may
    // still be matched.)
    for (let i = 0; i < kept.findings.length; i++) staged.push(kept.findings[i]);
    current.findings[k] = kept.findings;
    current.lookups[k] = kept.lookups;
    if (!kept.uncached.length) return;
    toRun = stageRules.filter((r) => kept.uncached.includes(r.rule));
    current.findings[k] = kept.findings.slice();
  }
  const looked: StageLookup[] = [];
  const view = model.viewOf(unit.instructions, unit.stage ? [unit.stage] : [], looked);
  // One walk for all of them; their findings are then kept (or not) rule by rule.
  const found: RawFinding[] = [];
  const errors = runRules(toRun, view, run.settings, run.files, found);
  for (let e = 0; e < errors.length; e++) { failed(run, errors[e].rule, errors[e].error); current.uncached[k].push(errors[e].rule); }
  const converted = toFindings(model, found, false);
  const byRule = new Map<string, number[]>();
  for (let i = 0; i < found.length; i++) {
    const list = byRule.get(found[i].rule);
    if (list) list.push(i);
    else byRule.set(found[i].rule, [i]);
  }
  for (let i = 0; i < converted.length; i++) staged.push(converted[i]);
  for (let r = 0; r < toRun.length; r++) {
    const { rule } = toRun[r];
    if (errors.length && errors.some((e) => e.rule === rule)) continue;
    const indexes = byRule.get(rule.meta.id);
    if (!indexes) continue;
    // Kept only when every offset lies in the unit: text elsewhere may move while this unit stays.
    if (indexes.every((i) => inside(found[i], unit))) {
      for (let i = 0; i < indexes.length; i++) current.findings[k].push(converted[indexes[i]]);
    } else current.uncached[k].push(rule);
  }
  for (let i = 0; i < looked.length; i++) {
    const l = looked[i];
    current.lookups[k].push({ name: l.name, before: l.before === undefined ? -1 : l.before + 1, found: l.found === undefined ? -1 : l.found + 1 });
  }
}

function inside(f: RawFinding, unit: Unit): boolean {
  const { start, end } = unit;
  if (f.start < start || f.end > end) return false;
  for (let j = 0; j < f.fixes.length; j++) {
    const { edits } = f.fixes[j];
    for (let k = 0; k < edits.length; k++) if (edits[k].start < start || edits[k].end > end) return false;
  }
  return true;
}
