// What `--fix` changed, for people: per file the fixes applied per rule and the files created, then a total.
// The remaining findings are the report's to show; this says only what was done.
import type { Locale } from '../engine/i18n/locale';
import { cliSpeaker } from './strings';

export interface FixedFile {
  /** The Dockerfile as the report names it. */
  path: string;
  /** The fixes applied, one entry each (FixAllResult.applied). */
  applied: ReadonlyArray<{ rule: string }>;
  /** Files written for the fixes, as paths the user can open. */
  created: string[];
  /** Files a fix needs that were not written (the Dockerfile came from standard input). */
  notCreated: string[];
}

/** Empty when nothing was fixed, so a clean run stays quiet. */
export function formatFixSummary(files: readonly FixedFile[], color: boolean, locale: Locale = 'en'): string {
  const t = cliSpeaker(locale);
  const c = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const out: string[] = [];
  let fixes = 0;
  let fixedFiles = 0;
  let created = 0;
  for (const f of files) {
    if (!f.applied.length && !f.created.length) continue;
    const perRule = new Map<string, number>();
    for (const a of f.applied) perRule.set(a.rule, (perRule.get(a.rule) ?? 0) + 1);
    // Most fixes first; ties by rule id, so the same run prints the same lines.
    const rows = [...perRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const width = String(rows[0]?.[1] ?? 0).length;
    out.push(t.count('cli.fix.fileApplied', f.applied.length, { path: c('1', f.path) }));
    for (const [rule, n] of rows) out.push(`  ${String(n).padStart(width)}  ${c('2', rule)}`);
    for (const p of f.created) out.push(`  ${t('cli.fix.created', { path: p })}`);
    for (const p of f.notCreated) out.push(`  ${t('cli.fix.notCreated', { path: p })}`);
    fixes += f.applied.length;
    fixedFiles++;
    created += f.created.length;
  }
  if (!fixedFiles) return '';
  const total = { fixes: t.count('cli.fix.fixes', fixes), files: t.count('cli.fix.files', fixedFiles) };
  out.push(c('32', `✔ ${created ? t('cli.fix.totalCreated', { ...total, created: t.count('cli.fix.files', created) }) : t('cli.fix.total', total)}`));
  return out.join('\n') + '\n\n';
}
