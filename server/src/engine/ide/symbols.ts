// The outline of a Dockerfile: global ARGs, then each stage (its name, base image, whether it ships) with its
// instructions, an ARG's or ENV's variables under it. The same symbols, flattened, answer workspace symbol search.
import type { DockerfileModel, Instr, Stage } from '../model/dockerfile';

export type SymbolKind = 'stage' | 'instruction' | 'variable' | 'label';

export interface OutlineSymbol {
  name: string;
  detail: string;
  kind: SymbolKind;
  /** The instruction's whole span (or the stage's, FROM to its last instruction). */
  start: number;
  end: number;
  /** The part to select and reveal: the name. */
  selectionStart: number;
  selectionEnd: number;
  children: OutlineSymbol[];
}

const DETAIL_LIMIT = 60;

/** An instruction's arguments on one line, shortened: what the outline shows beside the keyword. */
function argumentsLine(model: DockerfileModel, instr: Instr): string {
  const from = instr.flags.length ? instr.flags[0].start : instr.keywordEnd;
  const end = instr.heredocs.length ? model.lines.lineEnd(instr.line) : instr.end;
  const one = model.text.slice(from, Math.max(from, end)).replace(new RegExp(`\\${model.escapeChar}\\r?\\n`, 'g'), ' ').replace(/\s+/g, ' ').trim();
  return one.length > DETAIL_LIMIT ? `${one.slice(0, DETAIL_LIMIT - 1)}…` : one;
}

function instructionSymbol(model: DockerfileModel, instr: Instr): OutlineSymbol {
  const children: OutlineSymbol[] = (instr.keyword === 'ARG' || instr.keyword === 'ENV' || instr.keyword === 'LABEL')
    ? instr.props.map((p) => ({
      name: p.name,
      detail: p.value ?? '',
      kind: instr.keyword === 'LABEL' ? 'label' as const : 'variable' as const,
      start: p.nameStart,
      end: p.valueEnd ?? p.nameEnd,
      selectionStart: p.nameStart,
      selectionEnd: p.nameEnd,
      children: [],
    }))
    : [];
  return { name: instr.keyword, detail: argumentsLine(model, instr), kind: 'instruction', start: instr.start, end: instr.end, selectionStart: instr.keywordStart, selectionEnd: instr.keywordEnd, children };
}

/** A stage's name in the outline: its alias, else its number (what `--from=` would use). */
export function stageLabel(stage: Stage): string {
  return stage.alias ?? String(stage.index);
}

function stageSymbol(model: DockerfileModel, stage: Stage): OutlineSymbol {
  const last = stage.instructions[stage.instructions.length - 1];
  const role = stage.isFinal ? 'final' : stage.ships ? 'target' : '';
  return {
    name: stageLabel(stage),
    detail: [stage.image.raw, stage.platform ? `(${stage.platform})` : '', role ? `· ${role}` : ''].filter(Boolean).join(' '),
    kind: 'stage',
    start: stage.from.start,
    end: last.end,
    selectionStart: stage.aliasStart ?? stage.imageStart,
    selectionEnd: stage.aliasEnd ?? stage.imageEnd,
    children: stage.instructions.slice(1).map((i) => instructionSymbol(model, i)),
  };
}

export function outline(model: DockerfileModel): OutlineSymbol[] {
  const out: OutlineSymbol[] = [];
  for (const instr of model.instructions) if (instr.stage === null) out.push(instructionSymbol(model, instr));
  for (const stage of model.stages) out.push(stageSymbol(model, stage));
  return out;
}

/** What workspace symbol search finds in a file: its stages and the variables its ARGs and ENVs define. */
export function searchableSymbols(model: DockerfileModel): Array<OutlineSymbol & { container: string }> {
  const out: Array<OutlineSymbol & { container: string }> = [];
  for (const s of outline(model)) {
    if (s.kind === 'stage') out.push({ ...s, container: '' });
    const container = s.kind === 'stage' ? s.name : '';
    const instructions = s.kind === 'stage' ? s.children : [s];
    for (const i of instructions) for (const v of i.children) if (v.kind === 'variable') out.push({ ...v, container });
  }
  return out;
}
