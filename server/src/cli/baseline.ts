// Baselines: today's findings, recorded so that a repository adopting Dockwise sees only the findings it adds.
// A finding is matched by its file, its rule and a fingerprint of what it is about (the instruction it is in,
// and the text it underlines), never by its line: edits elsewhere in the file do not bring it back, and
// changing the instruction does.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { DockerfileModel, Finding } from '../engine';
import type { Locale } from '../engine/i18n/locale';
import { cliSpeaker } from './strings';

export interface BaselineEntry {
  /** The Dockerfile, relative to the baseline file's folder, with `/` separators. */
  path: string;
  rule: string;
  fingerprint: string;
  /** How many findings of this rule have this fingerprint in this file. */
  count: number;
}

export interface BaselineFile { version: 1; findings: BaselineEntry[] }

/** Text as Docker reads it, for comparison: line continuations joined, every run of blanks one space. */
function normalized(text: string, escapeChar: string): string {
  const escape = escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return text.replace(new RegExp(`${escape}[ \\t]*\\r?\\n`, 'g'), ' ').replace(/\s+/g, ' ').trim();
}

/** What a finding is about: its rule, the instruction it is in (else the lines it covers) and the text it underlines. */
export function fingerprint(model: DockerfileModel, finding: Finding): string {
  const { start, end } = finding;
  const instr = model.instructions.find((i) => start >= i.start && start <= i.end);
  let context: string;
  if (instr) context = model.text.slice(instr.start, instr.end);
  else {
    const lines: string[] = [];
    const range = model.range(start, end);
    for (let l = range.start.line; l <= range.end.line && l < model.lines.lineCount; l++) lines.push(model.lines.lineText(l));
    context = lines.join('\n');
  }
  const own = model.text.slice(start, end);
  return createHash('sha256')
    .update(`${finding.rule}\u0000${normalized(context, model.escapeChar)}\u0000${normalized(own, model.escapeChar)}`)
    .digest('hex')
    .slice(0, 16);
}

/** The baseline path of a Dockerfile: relative to the baseline file's folder, with `/` separators. */
export function baselinePath(baselineFile: string, dockerfile: string): string {
  return path.relative(path.dirname(path.resolve(baselineFile)), path.resolve(dockerfile)).split(path.sep).join('/');
}

const key = (p: string, rule: string, fp: string) => `${p}\u0000${rule}\u0000${fp}`;

/** Collects findings into baseline entries: one per path, rule and fingerprint, with a count; sorted. */
export class BaselineWriter {
  private readonly counts = new Map<string, BaselineEntry>();

  add(file: string, rule: string, fp: string): void {
    const k = key(file, rule, fp);
    const hit = this.counts.get(k);
    if (hit) hit.count++;
    else this.counts.set(k, { path: file, rule, fingerprint: fp, count: 1 });
  }

  toJson(): string {
    const findings = [...this.counts.values()].sort((a, b) => cmp(a.path, b.path) || cmp(a.rule, b.rule) || cmp(a.fingerprint, b.fingerprint));
    const out: BaselineFile = { version: 1, findings };
    return JSON.stringify(out, null, 2) + '\n';
  }

  get total(): number {
    let n = 0;
    for (const e of this.counts.values()) n += e.count;
    return n;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads a baseline file's text; throws with a reason (in `locale`) when it is not one. */
export function parseBaseline(text: string, locale: Locale = 'en'): Map<string, number> {
  const t = cliSpeaker(locale);
  let data: unknown;
  try { data = JSON.parse(text); } catch (e) { throw new Error(t('cli.baseline.notJson', { error: (e as Error).message })); }
  const file = data as Partial<BaselineFile> | null;
  if (!file || typeof file !== 'object' || file.version !== 1 || !Array.isArray(file.findings)) throw new Error(t('cli.baseline.notBaseline'));
  const budget = new Map<string, number>();
  for (const e of file.findings as Array<Partial<BaselineEntry>>) {
    if (!e || typeof e.path !== 'string' || typeof e.rule !== 'string' || typeof e.fingerprint !== 'string' || !Number.isInteger(e.count) || e.count! < 1) {
      throw new Error(t('cli.baseline.badEntry', { entry: JSON.stringify(e) }));
    }
    const k = key(e.path, e.rule, e.fingerprint);
    budget.set(k, (budget.get(k) ?? 0) + e.count!);
  }
  return budget;
}

/**
 * The findings of one file that the baseline does not hold. Each baseline entry covers up to `count`
 * findings with its fingerprint, taken in document order; the rest are new.
 */
export function newFindings(budget: Map<string, number>, file: string, findings: Finding[], fingerprintOf: (f: Finding) => string): Finding[] {
  return findings.filter((f) => {
    const k = key(file, f.rule, fingerprintOf(f));
    const left = budget.get(k) ?? 0;
    if (left <= 0) return true;
    budget.set(k, left - 1);
    return false;
  });
}
