// The edit behind "Ignore <id> for this line": a pragma above the instruction that holds the finding.
import type { DockerfileModel } from '../model/dockerfile';
import type { OffsetEdit } from '../types';
import { findRules } from '../rule-lookup';
import { readPragmas } from './pragmas';

export function ignoreEdit(model: DockerfileModel, line: number, ruleId: string): OffsetEdit {
  const instr = model.instructions.find((i) => i.line <= line && line <= i.endLine) ?? model.instructions.find((i) => i.line >= line);
  const target = instr?.onbuild ?? instr;
  const targetLine = target ? target.line : line;
  const lineText = model.lines.lineText(targetLine);
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = model.lines.eol;
  const rule = findRules(ruleId)[0];
  const pragmas = readPragmas(model).pragmas;
  const usesHadolint = pragmas.some((p) => p.source === 'hadolint');
  const dl = rule?.meta.aliases.hadolint;
  // Append to a pragma already directly above the instruction, in its own dialect.
  const above = pragmas.find((p) => p.scope === 'instruction' && p.line === targetLine - 1 && (p.source === 'dockwise' || (p.source === 'hadolint' && dl)));
  if (above && above.names.length) {
    const last = above.names[above.names.length - 1];
    const name = above.source === 'hadolint' ? dl! : ruleId;
    return { start: last.end, end: last.end, text: `,${name}` };
  }
  const start = model.lines.offsetAt({ line: targetLine, character: 0 });
  const text = usesHadolint && dl ? `${indent}# hadolint ignore=${dl}${eol}` : `${indent}# dockwise ignore=${ruleId}${eol}`;
  return { start, end: start, text };
}
