// Folding by stage (FROM to the line before the next FROM), by `# region` / `# endregion` comments, and by
// instructions that span several lines.
import type { FoldingRange } from 'vscode-languageserver';
import type { DockerfileModel } from '../engine';

export function foldingRanges(model: DockerfileModel): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  model.stages.forEach((stage, i) => {
    const next = model.stages[i + 1];
    let end = next ? next.from.line - 1 : model.lines.lineCount - 1;
    while (end > stage.from.line && model.lines.lineText(end).trim() === '') end--;
    if (end > stage.from.line) ranges.push({ startLine: stage.from.line, endLine: end });
  });
  const open: number[] = [];
  for (const c of model.comments) {
    if (/^#?\s*region\b/.test(c.text)) open.push(c.line);
    else if (/^#?\s*endregion\b/.test(c.text) && open.length) ranges.push({ startLine: open.pop()!, endLine: c.line, kind: 'region' });
  }
  for (const i of model.instructions) if (i.endLine > i.line) ranges.push({ startLine: i.line, endLine: i.endLine });
  return ranges;
}
