// The Dockerfile model every rule reads: instructions with offsets, stages as a graph, variables,
// parser directives, ONBUILD triggers and RUN bodies parsed into shell commands. Built once per text, or from the
// previous version of the text (the language server, on every keystroke): then only the edited instructions are parsed.
import { Argument, DockerfileParser, Instruction, ModifiableInstruction, type Dockerfile, type From, type Heredoc } from 'dockerfile-ast';
import { LineIndex } from '../text';
import { instructionArguments } from './instruction-arguments';
import type { BuildInvocation, Position, Range, RelatedLocation } from '../types';
import { parseShell, type ShellCommand, type ShellScript, type ShellWord } from './shell';
import { invokedShell, POSIX_SHELL_NAMES, programName } from './shells';
import { parseImageReference, type ImageReference } from './image';
import { contextImageReference, familiarName, namedContexts, type NamedContext } from './named-contexts';
import { substitute } from './variables';

export interface Directive { name: string; value: string; line: number; start: number; end: number }

export interface InstructionFlag { name: string; value: string | null; start: number; end: number; valueStart?: number }

export interface InstructionArg { value: string; start: number; end: number }

export interface HeredocInfo {
  name: string;
  /** Line of the `<<NAME` marker. */
  markerLine: number;
  /** Content offsets (empty range when the heredoc is empty or unterminated). */
  contentStart: number;
  contentEnd: number;
  terminated: boolean;
  /** The body runs as a shell script (`RUN <<EOF`, `RUN bash <<EOF`), as opposed to data for a command. */
  isScript: boolean;
}

/** One `name=value` (or legacy `name value`) of an ARG, ENV or LABEL, with document offsets. */
export interface InstructionProperty {
  name: string;
  /** The value as Docker reads it (quotes and escapes resolved); null when there is none (`ARG X`, `ENV X`). */
  value: string | null;
  /** Written with `=` (as opposed to the legacy `ENV key value`). */
  assignment: boolean;
  nameStart: number;
  nameEnd: number;
  valueStart?: number;
  valueEnd?: number;
}

export interface RunBody {
  execForm: boolean;
  /** Offset where the command text starts (after the flags). */
  bodyStart: number;
  scripts: ShellScript[];
  /** Every simple command of every script, in source order. */
  commands: ShellCommand[];
  heredocs: HeredocInfo[];
  hasPipe: boolean;
}

export interface Instr {
  keyword: string;
  start: number;
  end: number;
  keywordStart: number;
  keywordEnd: number;
  line: number;
  endLine: number;
  stage: Stage | null;
  /** Position in its stage's instruction list (-1 before the first FROM and for ONBUILD triggers). */
  index: number;
  /** For an ONBUILD trigger, the ONBUILD instruction that wraps it. */
  onbuild: Instr | null;
  /** For ONBUILD, its trigger instruction. */
  trigger?: Instr;
  flags: InstructionFlag[];
  args: InstructionArg[];
  /** The pairs of an ARG, ENV or LABEL (empty for other instructions). */
  props: InstructionProperty[];
  /** The heredocs of a RUN, COPY or ADD, in order. */
  heredocs: HeredocInfo[];
  /** For FROM: the stage name after AS. */
  alias?: { name: string; start: number; end: number };
  /** JSON-array (exec) form, for RUN/CMD/ENTRYPOINT/SHELL/HEALTHCHECK CMD. */
  execForm: boolean;
  run?: RunBody;
}

export interface Stage {
  index: number;
  from: Instr;
  image: ImageReference;
  /** Document offset where the image reference starts. */
  imageStart: number;
  imageEnd: number;
  alias?: string;
  aliasStart?: number;
  aliasEnd?: number;
  platform?: string;
  instructions: Instr[];
  isFinal: boolean;
  /** The stage this one is built FROM, when its image names an earlier stage. */
  parent?: Stage;
  /**
   * A named context of the invocation has this stage's name: BuildKit reads the context wherever the stage is named
   * and never builds the stage (its text is still what builds without that context run).
   */
  context?: NamedContext;
  /** Instructions elsewhere that use this stage: FROM <alias>, COPY --from, RUN --mount=from=. */
  usedBy: Instr[];
  /** Where those instructions name it: the image of a FROM, the value of --from or of a mount's from=. */
  references: StageReference[];
  /**
   * Part of an image that ships: the final stage, a stage with its own CMD or ENTRYPOINT, or a stage they are built
   * FROM. When the invocation names a target stage, that stage and the stages it is built FROM only.
   */
  ships: boolean;
}

/** A stage name a rule looked up through a view, and what it found (stage indices). */
export interface StageLookup { name: string; before: number | undefined; found: number | undefined }

/** Document span of the text naming a stage (as written: a FROM image may be a variable that resolves to it). */
export interface StageReference { instr: Instr; start: number; end: number }

export interface VariableDefinition {
  name: string;
  value: string | undefined;
  kind: 'ARG' | 'ENV';
  instr: Instr;
  /** The build's invocation gives this ARG its value (`--build-arg`): `value` is that, not the file's default. */
  given?: true;
}

export interface CommentInfo { text: string; line: number; start: number; end: number; embedded: boolean }

/** The stage name Docker Dev Environments builds to work inside (`--target dev-envs`). */
export const DEV_ENVIRONMENT_TARGET = 'dev-envs';

// Docker reads heredocs in these instructions only.
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

export class DockerfileModel {
  readonly lines: LineIndex;
  readonly escapeChar: string;
  readonly directives: Directive[];
  readonly instructions: Instr[];
  readonly triggers: Instr[] = [];
  readonly stages: Stage[] = [];
  readonly globalArgs = new Map<string, VariableDefinition>();
  readonly comments: CommentInfo[];
  /** Whether this model reused the instructions of a previous one (see `previous` below). */
  readonly incremental: boolean = false;
  /** How the file is built (compose, bake, `--build-arg`, `--target`); undefined: no args and the last stage. */
  readonly invocation: BuildInvocation | undefined;
  /** The stage the invocation's target names (undefined without a target, or when it names no stage: then the last stage ships). */
  readonly targetStage: Stage | undefined = undefined;
  /** The invocation's named contexts by familiar name (see named-contexts.ts); empty without any. */
  private readonly contexts: Map<string, NamedContext>;
  /** In a view of one stage (see `viewOf`), the model of the whole file. */
  private whole: DockerfileModel | undefined = undefined;
  /** In a view given a list (see `viewOf`), every stage name looked up: the incremental lint checks they still resolve alike. */
  private lookups: StageLookup[] | undefined = undefined;

  /**
   * `previous`: the model of an earlier version of the same document (the language server passes it on
   * every keystroke). Only the instructions around the edit are parsed again; the others are taken over as
   * copies, moved where the text after the edit moved (movedInstr). `previous` is only read: a model never
   * changes once built, so it still describes its own text and may be given again. When the edit could change
   * how the rest of the file parses (the header, an open heredoc or continuation), everything is parsed.
   * `invocation`: the args and target the file is built with; without one, a model built from `previous` keeps
   * previous's (the editor's models follow the invocation chosen for the document).
   */
  constructor(readonly text: string, previous?: DockerfileModel, invocation?: BuildInvocation) {
    this.invocation = invocation ?? previous?.invocation;
    this.contexts = previous && previous.invocation === this.invocation ? previous.contexts : namedContexts(this.invocation?.contexts);
    this.lines = new LineIndex(text);
    const window = previous ? reparseWindow(previous, text, this.lines) : undefined;
    if (window) {
      this.escapeChar = previous!.escapeChar;
      this.directives = previous!.directives;
      const { before, after, ast, lineBase, offsetDelta, lineDelta, commentsBefore, commentsAfter } = window;
      const fresh = ast.getInstructions().map((node) => this.makeInstr(node, null, lineBase));
      // Every instruction is this model's own object: the stage loop below gives it this model's stage and index.
      const instructions: Instr[] = [];
      for (let i = 0; i < before.length; i++) instructions.push(movedInstr(before[i], 0, 0, null));
      for (let i = 0; i < fresh.length; i++) instructions.push(fresh[i]);
      for (let i = 0; i < after.length; i++) instructions.push(movedInstr(after[i], offsetDelta, lineDelta, null));
      this.instructions = instructions;
      const moved = offsetDelta === 0 && lineDelta === 0 ? commentsAfter : commentsAfter.map((c) => ({ ...c, start: c.start + offsetDelta, end: c.end + offsetDelta, line: c.line + lineDelta }));
      this.comments = commentsBefore.concat(this.windowComments(ast, fresh, lineBase), moved);
      this.incremental = true;
    } else {
      this.directives = readDirectives(this.lines);
      const ast = DockerfileParser.parse(continuationView(text, this.directives.find((d) => d.name === 'escape')?.value === '`' ? '`' : '\\'));
      this.escapeChar = ast.getEscapeCharacter();
      this.instructions = ast.getInstructions().map((node) => this.makeInstr(node, null, 0));
      this.comments = this.windowComments(ast, this.instructions, 0);
      // dockerfile-ast takes every `# x=y` line at the top for a parser directive; the ones that are not
      // real directives (`# dockwise global ignore=…`) are comments.
      const firstLine = this.instructions.length ? this.instructions[0].line : this.lines.lineCount;
      const known = new Set([...this.comments.map((c) => c.line), ...this.directives.map((d) => d.line)]);
      const extra: CommentInfo[] = [];
      for (let line = 0; line < firstLine; line++) {
        const text = this.lines.lineText(line);
        const m = /^\uFEFF?\s*#/.exec(text);
        if (!m || known.has(line)) continue;
        const start = this.lines.lineStart(line);
        extra.push({ text: text.slice(m[0].length).trim(), line, start, end: start + text.length, embedded: false });
      }
      if (extra.length) this.comments = [...extra, ...this.comments].sort((a, b) => a.line - b.line);
    }
    let stage: Stage | null = null;
    for (let i = 0; i < this.instructions.length; i++) {
      const instr = this.instructions[i];
      if (instr.trigger) this.triggers.push(instr.trigger);
      if (instr.keyword === 'FROM') {
        stage = this.makeStage(instr);
        this.stages.push(stage);
      }
      instr.stage = stage;
      instr.index = -1;
      if (stage) {
        instr.index = stage.instructions.length;
        stage.instructions.push(instr);
      }
      else if (instr.keyword === 'ARG') for (const d of argDefinitions(instr)) this.globalArgs.set(d.name, this.withGiven(d));
    }
    this.targetStage = this.findTarget();
    this.linkStages();
  }

  /** The comments of a parsed text, given its instructions: both are in document order, so one pass finds the embedded ones. */
  private windowComments(ast: Dockerfile, instructions: Instr[], lineBase: number): CommentInfo[] {
    let k = 0;
    return ast.getComments().map((c) => {
      const r = c.getRange();
      const line = r.start.line + lineBase;
      const start = this.offset(r.start, lineBase);
      const end = this.offset(r.end, lineBase);
      while (k < instructions.length && instructions[k].end <= start) k++;
      const embedded = k < instructions.length && instructions[k].start < start;
      return { text: this.unviewed(c.getContent(), end), line, start: this.lines.lineStart(line), end, embedded };
    });
  }

  /** The model of the whole file: itself, or for a view of one stage (see `viewOf`) the model it is a view of. */
  get wholeFile(): DockerfileModel {
    return this.whole ?? this;
  }

  /** The stage whose image the build produces: the invocation's target, or else the last stage. */
  get finalStage(): Stage | undefined {
    const { stages, targetStage } = this.whole ?? this;
    return targetStage ?? stages[stages.length - 1];
  }

  /**
   * Whether the image of `stage` is one that runs: the final stage, and, when the build names no target, any
   * stage with its own CMD or ENTRYPOINT (someone may build it with `--target`). With a target, that one only.
   */
  isRunImage(stage: Stage): boolean {
    return stage.isFinal || (!(this.whole ?? this).targetStage && hasRunCommand(stage));
  }

  /** The stage `--target` builds: compared with stage names case-insensitively, as BuildKit does (an index is no target). */
  private findTarget(): Stage | undefined {
    const target = this.invocation?.target?.toLowerCase();
    if (!target) return undefined;
    return this.stages.find((s) => s.alias?.toLowerCase() === target);
  }

  /** An ARG definition with the invocation's value for it, as `--build-arg` gives one (only to an ARG the file declares). */
  private withGiven(d: VariableDefinition): VariableDefinition {
    const args = this.invocation?.args;
    if (!args || !Object.prototype.hasOwnProperty.call(args, d.name)) return d;
    return { ...d, value: args[d.name], given: true };
  }

  /**
   * The model as the rules of one stage see it (the language server lints the stage an edit touched):
   * `instructions`, `triggers`, `stages` and `runs` hold only that part; everything else, the final stage and
   * stage names included, is the whole file's. An object of this class with the same fields as any model, so
   * the rules' property lookups stay as fast as on the model itself.
   */
  viewOf(instructions: Instr[], stages: Stage[], lookups?: StageLookup[]): DockerfileModel {
    const view = Object.create(DockerfileModel.prototype) as DockerfileModel;
    const triggers = instructions.flatMap((i) => (i.trigger ? [i.trigger] : []));
    return Object.assign(view, this, { instructions, triggers, stages, whole: this.whole ?? this, lookups });
  }

  /** The comments that start in [start, end), in order. A binary search: rules ask once per instruction. */
  commentsBetween(start: number, end: number): CommentInfo[] {
    let lo = 0;
    let hi = this.comments.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.comments[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    const out: CommentInfo[] = [];
    for (let i = lo; i < this.comments.length && this.comments[i].start < end; i++) out.push(this.comments[i]);
    return out;
  }

  /** The comment on `line`, if that line is one. */
  commentOnLine(line: number): CommentInfo | undefined {
    if (line < 0 || line >= this.lines.lineCount) return undefined;
    return this.commentsBetween(this.lines.lineStart(line), this.lines.lineStart(line) + 1)[0];
  }

  /** A heredoc (in RUN, COPY or ADD) that never ends: every line after it belongs to its body. */
  get hasUnterminatedHeredoc(): boolean {
    // Asked on every keystroke: plain loops, no callback per instruction.
    const { instructions } = this.whole ?? this;
    for (let i = 0; i < instructions.length; i++) {
      const { heredocs } = instructions[i];
      for (let h = 0; h < heredocs.length; h++) if (!heredocs[h].terminated) return true;
    }
    return false;
  }

  /** Every RUN, including those inside ONBUILD, in source order. */
  get runs(): Instr[] {
    const all: Instr[] = [];
    for (let k = 0; k < this.instructions.length; k++) {
      const i = this.instructions[k];
      if (i.run) all.push(i);
      else if (i.trigger?.run) all.push(i.trigger);
    }
    return all;
  }

  range(start: number, end: number) { return this.lines.range(start, end); }

  /**
   * The named context `name` (a FROM image, a `--from` or mount `from=` value) reads, if the invocation gives one.
   * It takes precedence over a stage of that name, as in BuildKit.
   */
  namedContext(name: string): NamedContext | undefined {
    return this.contexts.size ? this.contexts.get(familiarName(name)) : undefined;
  }

  /**
   * `FROM value` naming an image another service of the project builds (and no stage above): that local image,
   * unknown here, never pulled from a registry.
   */
  private projectImage(raw: string, value: string, unresolved: string[]): ImageReference | undefined {
    const images = this.invocation?.localImages;
    if (!images || unresolved.length || !value) return undefined;
    const name = familiarName(value);
    const builtBy = Object.entries(images).find(([image]) => familiarName(image) === name)?.[1];
    if (!builtBy || this.stages.some((s) => s.alias?.toLowerCase() === value.toLowerCase())) return undefined;
    const ref = parseImageReference('', '', []);
    delete ref.spans;
    return { ...ref, raw, builtBy };
  }

  /**
   * Where the build's compose or bake file writes `key` (`arg:NAME`, `target`, `secret:ID`, `context:NAME`), else
   * the service or target itself: a finding about it points there too. None for a build the command line describes.
   */
  declaredAt(key: string): RelatedLocation[] | undefined {
    const declaredAt = this.invocation?.declaredAt;
    const at = declaredAt?.[key] ?? declaredAt?.[''];
    if (!at) return undefined;
    const also = this.invocation?.alsoDeclaredAt;
    return [at, ...(also?.[key] ?? also?.[''] ?? [])];
  }

  /** Where the invocation declares `context` (what a FROM or --from reads), for a finding about it; none without one. */
  contextDeclaredAt(context: NamedContext | undefined): RelatedLocation[] | undefined {
    return context ? this.declaredAt(`context:${context.name}`) : undefined;
  }

  /** The stage `name` reads (an alias or index of a stage above `before`); none when a named context replaces it. */
  stageByName(name: string, before?: Stage): Stage | undefined {
    const found = this.findStage(name, before);
    this.lookups?.push({ name, before: before?.index, found: found?.index });
    return found;
  }

  private findStage(name: string, before?: Stage): Stage | undefined {
    const { stages } = this.whole ?? this;
    const lower = name.toLowerCase();
    const limit = before ? before.index : stages.length;
    if (this.namedContext(name)) return undefined;
    for (let i = limit - 1; i >= 0; i--) if (stages[i].alias?.toLowerCase() === lower) return stages[i];
    // A stage by number is replaced too when a context has its name.
    if (/^\d+$/.test(name) && Number(name) < limit && !stages[Number(name)].context) return stages[Number(name)];
    return undefined;
  }

  /** Where `name` is defined as seen from `at`: ARG/ENV in the stage (and, for ENV, its parent stages). */
  lookupVariable(name: string, at: Instr): VariableDefinition | undefined {
    const stage = at.stage;
    if (!stage) return this.globalArgs.get(name);
    let s: Stage | undefined = stage;
    let limit = at;
    let inherited = false;
    while (s) {
      for (let i = (limit.stage === s ? limit.index : s.instructions.indexOf(limit)) - 1; i >= 0; i--) {
        const instr = s.instructions[i];
        if (instr.keyword === 'ENV') {
          const d = envDefinitions(instr).find((e) => e.name === name);
          if (d) return d;
        } else if (instr.keyword === 'ARG' && !inherited) {
          const d = argDefinitions(instr).find((e) => e.name === name);
          if (!d) continue;
          const given = this.withGiven(d);
          if (given !== d) return given;
          return d.value === undefined && this.globalArgs.has(name) ? { ...d, value: this.globalArgs.get(name)!.value } : d;
        }
      }
      // ENV is inherited from the parent stage; ARG is not.
      if (!s.parent) break;
      limit = s.parent.instructions[s.parent.instructions.length - 1];
      s = s.parent;
      inherited = true;
      // include the parent's last instruction itself
      const last = limit;
      if (last.keyword === 'ENV') {
        const d = envDefinitions(last).find((e) => e.name === name);
        if (d) return d;
      }
    }
    return undefined;
  }

  /**
   * Document offset of a dockerfile-ast position. `lineBase` is the document line of the parsed text's first
   * line: a whole document parses with 0, an incremental update parses a window of lines on their own.
   */
  private offset(p: Position, lineBase: number): number {
    return this.lines.offsetAt({ line: p.line + lineBase, character: p.character });
  }

  /** A value read from the continuation view (see continuationView) with its last escape character given back. */
  private unviewed(value: string, end: number): string {
    return value.endsWith(VIEW_PLACEHOLDER) && end >= 2 && this.text[end - 1] === this.escapeChar && this.text[end - 2] === this.escapeChar ? value.slice(0, -1) + this.escapeChar : value;
  }

  private makeInstr(node: Instruction, onbuild: Instr | null, lineBase: number): Instr {
    memoizeAst(node);
    const at = (p: Position) => this.offset(p, lineBase);
    const r = node.getRange();
    const kr = node.getInstructionRange();
    const start = at(r.start);
    const end = at(r.end);
    const keyword = node.getKeyword();
    const flags: InstructionFlag[] = [];
    const withFlags = node as unknown as { getFlags?: () => import('dockerfile-ast').Flag[] };
    if (typeof withFlags.getFlags === 'function') {
      for (const f of withFlags.getFlags()) {
        const fr = f.getRange();
        const vr = f.getValueRange();
        flags.push({ name: f.getName(), value: f.getValue(), start: at(fr.start), end: at(fr.end), valueStart: vr ? at(vr.start) : undefined });
      }
    }
    // The parsed text's line 0 is the document's line `lineBase`, character for character.
    const textStart = this.lines.lineStart(lineBase);
    const args = node.getArguments().map((a) => {
      const start = a instanceof OffsetArgument ? textStart + a.startOffset : at(a.getRange().start);
      const end = a instanceof OffsetArgument ? textStart + a.endOffset : at(a.getRange().end);
      return { value: this.unviewed(a.getValue(), end), start, end };
    });
    // BuildKit reads flags only while a word starts with a literal `--`: dockerfile-ast also takes `\--mount=…` and
    // `-\-x`, which are the first words of the command (the shell's, for a RUN). They and what follows are arguments.
    const notFlag = flags.findIndex((f) => !this.text.startsWith('--', f.start));
    if (notFlag >= 0) {
      const escaped = new RegExp(`${this.escapeChar === '`' ? '`' : '\\\\'}(.)`, 'gs');
      const words = flags.splice(notFlag).map((f) => ({ value: continuationsJoined(this.text, this.lines, f.start, f.end, this.escapeChar).replace(escaped, '$1'), start: f.start, end: f.end }));
      args.unshift(...words);
    }
    const props: InstructionProperty[] = [];
    const withProps = node as unknown as { getProperties?: () => import('dockerfile-ast').Property[] };
    if (typeof withProps.getProperties === 'function' && (keyword === 'ARG' || keyword === 'ENV' || keyword === 'LABEL')) {
      for (const p of withProps.getProperties()) {
        const nr = p.getNameRange();
        const vr = p.getValueRange();
        props.push({
          name: p.getName(),
          value: vr ? (p.getValue() === null ? null : this.unviewed(p.getValue()!, at(vr.end))) : p.getValue(),
          assignment: p.getAssignmentOperator() !== null,
          nameStart: at(nr.start),
          nameEnd: at(nr.end),
          ...(vr ? { valueStart: at(vr.start), valueEnd: at(vr.end) } : {}),
        });
      }
    }
    const heredocs: HeredocInfo[] = [];
    for (const h of HEREDOC_KEYWORDS.has(keyword) ? astHeredocs(node) : []) {
      const cr = h.getContentRange();
      // dockerfile-ast starts the content of an unterminated heredoc with no lines on the marker's own line
      // (`COPY <<EOF a b` + newline): there is none, and the marker line's words are not in it.
      const none = cr && cr.start.line <= h.getStartRange().start.line;
      const contentStart = cr ? at(none ? cr.end : cr.start) : at(h.getNameRange().end);
      const contentEnd = cr ? at(cr.end) : contentStart;
      heredocs.push({ name: h.getName(), markerLine: h.getStartRange().start.line + lineBase, contentStart, contentEnd, terminated: h.getDelimiterRange() !== null, isScript: false });
    }
    const instr: Instr = {
      keyword,
      start,
      end,
      keywordStart: at(kr.start),
      keywordEnd: at(kr.end),
      line: r.start.line + lineBase,
      endLine: r.end.line + lineBase,
      stage: null,
      index: -1,
      onbuild,
      flags,
      args,
      props,
      heredocs,
      execForm: false,
    };
    if (keyword === 'FROM') {
      const from = node as From;
      const nameRange = from.getBuildStageRange();
      const name = from.getBuildStage();
      const words = fromWords(this, instr);
      if (name && nameRange && words.length === 3 && words[1].toUpperCase() === 'AS') instr.alias = { name, start: at(nameRange.start), end: at(nameRange.end) };
    }
    if (['RUN', 'CMD', 'ENTRYPOINT', 'SHELL'].includes(keyword)) instr.execForm = isExecForm(this.text, args);
    if (keyword === 'RUN') instr.run = this.makeRunBody(instr);
    if (keyword === 'ONBUILD') {
      const trig = (node as import('dockerfile-ast').Onbuild).getTriggerInstruction();
      if (trig) instr.trigger = this.makeInstr(trig, instr, lineBase);
    }
    return instr;
  }

  private makeRunBody(instr: Instr): RunBody {
    let bodyStart = instr.args.length ? instr.args[0].start : instr.end;
    // Docker hands the shell everything after the flags: an escaped blank before the first word (`RUN \` curl` with
    // the backtick escape, `RUN \ curl`) is part of the script, though dockerfile-ast starts the words after it.
    const after = instr.flags.length ? instr.flags[instr.flags.length - 1].end : instr.keywordEnd;
    const lead = /\S/.exec(continuationsBlanked(this.text, this.lines, after, bodyStart, this.escapeChar));
    if (lead) bodyStart = after + lead.index;
    const body: RunBody = { execForm: instr.execForm, bodyStart, scripts: [], commands: [], heredocs: [], hasPipe: false };
    if (instr.execForm || !instr.args.length) return body;
    body.heredocs = instr.heredocs;
    const { heredocs } = instr;
    if (heredocs.length === 0) {
      body.scripts.push(parseShell(continuationsBlanked(this.text, this.lines, bodyStart, instr.end, this.escapeChar), bodyStart));
    } else {
      const commandEnd = this.lines.lineEnd(heredocs[0].markerLine);
      const command = parseShell(continuationsBlanked(this.text, this.lines, bodyStart, commandEnd, this.escapeChar), bodyStart);
      body.scripts.push(command);
      const runsScript = heredocRunsScript(command);
      for (const h of heredocs) {
        const content = this.text.slice(h.contentStart, h.contentEnd);
        const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(content);
        const interp = shebang ? (shebang[1].endsWith('/env') ? shebang[2] ?? '' : shebang[1]).split('/').pop() ?? '' : '';
        // An unterminated heredoc runs to the end of the file (Docker rejects it): while the user is still typing
        // its delimiter, the rest of the file is not read as shell commands.
        h.isScript = runsScript && h.terminated && (!shebang || POSIX_SHELL_NAMES.has(programName(interp)));
        if (h.isScript && content.trim()) body.scripts.push(parseShell(detached(content), h.contentStart));
      }
    }
    for (const s of body.scripts) {
      body.commands.push(...s.commands);
      if (s.hasPipe) body.hasPipe = true;
    }
    return body;
  }

  private makeStage(from: Instr): Stage {
    const imageArg = from.args[0];
    const raw = imageArg?.value ?? '';
    const lookup = (n: string) => this.globalArgs.get(n)?.value;
    const { value, unresolved } = substitute(raw, lookup, this.escapeChar);
    // `FROM name` where the build gives a context that name reads the context, even when a stage has the name.
    const context = !unresolved.length && value && value.toLowerCase() !== 'scratch' ? this.namedContext(value) : undefined;
    const stage: Stage = {
      index: this.stages.length,
      from,
      image: context ? contextImageReference(raw, context) : this.projectImage(raw, value, unresolved) ?? parseImageReference(raw, value, unresolved),
      imageStart: imageArg?.start ?? from.keywordEnd,
      imageEnd: imageArg?.end ?? from.keywordEnd,
      instructions: [],
      isFinal: false,
      usedBy: [],
      references: [],
      ships: false,
    };
    if (from.alias) {
      stage.alias = from.alias.name;
      stage.aliasStart = from.alias.start;
      stage.aliasEnd = from.alias.end;
      const replacedBy = this.namedContext(from.alias.name);
      if (replacedBy) stage.context = replacedBy;
    }
    const platform = from.flags.find((f) => f.name === 'platform');
    if (platform?.value) stage.platform = platform.value;
    return stage;
  }

  private linkStages(): void {
    if (!this.stages.length) return;
    const target = this.targetStage;
    (target ?? this.stages[this.stages.length - 1]).isFinal = true;
    for (let s = 0; s < this.stages.length; s++) {
      const stage = this.stages[s];
      const parent = stage.image.unresolved.length === 0 && !stage.image.context && !stage.image.tag && !stage.image.digest && !stage.image.registry
        ? this.stageByName(stage.image.resolved, stage)
        : undefined;
      if (parent) {
        stage.parent = parent;
        parent.usedBy.push(stage.from);
        parent.references.push({ instr: stage.from, start: stage.imageStart, end: stage.imageEnd });
      }
      for (let i = 0; i < stage.instructions.length; i++) {
        const instr = stage.instructions[i];
        if (!instr.flags.length) continue;
        const refs: Array<{ name: string; start: number }> = [];
        for (let k = 0; k < instr.flags.length; k++) {
          const f = instr.flags[k];
          if (!f.value || f.valueStart === undefined) continue;
          if (f.name === 'from' && (instr.keyword === 'COPY' || instr.keyword === 'ADD')) refs.push({ name: f.value, start: f.valueStart });
          const mount = instr.keyword === 'RUN' ? mountFrom(f) : undefined;
          if (mount) refs.push({ name: mount.value, start: mount.start });
        }
        for (const ref of refs) {
          const target = this.stageByName(ref.name, stage);
          if (!target) continue;
          target.usedBy.push(instr);
          target.references.push({ instr, start: ref.start, end: ref.start + ref.name.length });
        }
      }
    }
    // Without a target, a stage that says how to run it (its own CMD or ENTRYPOINT) may be one someone builds with
    // `--target`: it ships as much as the final stage does. With a target, the build is known: only it ships.
    for (const stage of this.stages) {
      if (target ? stage !== target : !stage.isFinal && !isRunTarget(stage)) continue;
      for (let s: Stage | undefined = stage; s && !s.ships; s = s.parent) s.ships = true;
    }
  }
}

/** The stage has its own CMD or ENTRYPOINT: it says how to run its image. */
export function hasRunCommand(stage: Stage): boolean {
  return stage.instructions.some((i) => i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT');
}

/**
 * A stage besides the last one that a build may ship when no target is known: one that says how to run it (compose's
 * `target: api`). Not the target Docker Dev Environments opens to work in.
 */
export function isRunTarget(stage: Stage): boolean {
  return stage.alias?.toLowerCase() !== DEV_ENVIRONMENT_TARGET && hasRunCommand(stage);
}

interface Window {
  /** The previous model's instructions before and after the window (those after still at their old offsets). */
  before: Instr[];
  after: Instr[];
  commentsBefore: CommentInfo[];
  commentsAfter: CommentInfo[];
  /** The window's text parsed on its own; its line 0 is document line `lineBase`. */
  ast: Dockerfile;
  lineBase: number;
  offsetDelta: number;
  lineDelta: number;
}

/**
 * Parses again only the lines around an edit: from the instruction before the first one the edit touches to
 * the instruction after the last one. Both ends are where an instruction starts, so the parser is in the same
 * state there as in a whole-document parse, and the text after the window is unchanged: the instructions past
 * it parse as before. When the window's last instruction is left open (an unterminated heredoc or a trailing
 * continuation could swallow the lines after it), the window grows until it ends closed. Undefined (the whole
 * text is parsed) for an edit in the header (directives, escape character) or the first instruction, or a
 * line break dockerfile-ast and LineIndex might count differently.
 */
function reparseWindow(prev: DockerfileModel, text: string, lines: LineIndex): Window | undefined {
  const old = prev.text;
  const instrs = prev.instructions;
  if (prev.escapeChar !== '\\' || instrs.length < 2 || /\r(?!\n)/.test(text)) return undefined;
  const p = commonPrefix(old, text);
  const s = commonSuffix(old, text, Math.min(old.length, text.length) - p);
  const changedEnd = old.length - s;
  let first = 0;
  while (first < instrs.length && instrs[first].end < p) first++;
  const a = first - 1;
  if (a < 0) return undefined;
  let c = a + 1;
  while (c < instrs.length && instrs[c].start < changedEnd) c++;
  c++;
  const start = prev.lines.lineStart(instrs[a].line);
  if (start >= p) return undefined;
  const lineBase = instrs[a].line;
  const offsetDelta = text.length - old.length;
  // First the window up to the next untouched instruction. If its last instruction stays open (an edit that
  // unterminates a heredoc or adds a continuation), the window takes in more instructions: up to the first line
  // after it that matches an open heredoc's delimiter (where the heredoc ends, if nothing else is open), else
  // 2, 4, 8… more, up to the end of the text.
  let upTo = c;
  for (;;) {
    const oldEnd = upTo < instrs.length ? prev.lines.lineStart(instrs[upTo].line) : old.length;
    const end = oldEnd + offsetDelta;
    const ast = DockerfileParser.parse(continuationView(detached(text.slice(start, end)), prev.escapeChar));
    if (upTo < instrs.length && end < text.length && isOpen(ast, text, lines, lineBase, end)) {
      let next = c + (upTo - c) * 2 + 2;
      const closes = heredocCloses(ast, text, lines, start, end);
      if (closes !== undefined) {
        next = upTo + 1;
        while (next < instrs.length && instrs[next].start + offsetDelta < closes) next++;
      }
      upTo = Math.min(next, instrs.length);
      continue;
    }
    return {
      before: instrs.slice(0, a),
      after: instrs.slice(upTo),
      commentsBefore: prev.comments.filter((cm) => cm.start < start),
      commentsAfter: prev.comments.filter((cm) => cm.start >= oldEnd),
      ast,
      lineBase,
      offsetDelta,
      lineDelta: lines.positionAt(end).line - prev.lines.positionAt(oldEnd).line,
    };
  }
}

/**
 * Where the first heredoc left open by a window's last instruction would end: the offset after the first line
 * past the window (which ends at `end`) that matches its delimiter (tabs stripped for `<<-`). Undefined when
 * no heredoc is open or no line matches. A hint for the window's size: the window is checked again anyway.
 */
function heredocCloses(ast: Dockerfile, text: string, lines: LineIndex, start: number, end: number): number | undefined {
  const nodes = ast.getInstructions();
  const open = nodes.length ? firstOpenHeredoc(nodes[nodes.length - 1]) : undefined;
  if (!open || open === 'unknown') return undefined;
  const name = open.getName();
  const marker = open.getStartRange();
  const markerLine = lines.positionAt(start).line + marker.start.line;
  const chomp = text.startsWith('<<-', lines.lineStart(markerLine) + marker.start.character);
  for (let line = lines.positionAt(end).line; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if ((chomp ? content.replace(/^\t+/, '') : content) === name) return line + 1 < lines.lineCount ? lines.lineStart(line + 1) : text.length;
  }
  return undefined;
}

/**
 * `s` in storage of its own. V8 cuts a substring as a view of the whole string, and every name and value read
 * from a parse of it (arguments, flags, shell words) is such a view in turn: an instruction parsed from a
 * window of one version would keep that version's whole text alive for as long as the instruction lives,
 * one text per edit.
 */
const VIEW_PLACEHOLDER = '_';

/**
 * The text as dockerfile-ast should read it. BuildKit continues a line that ends in the escape character (blanks
 * after it allowed) only when the character before it is not the escape character too: `COPY … C:\\Windows\\`
 * ends there, and dockerfile-ast would continue it into the next instruction. Such a final escape character is
 * replaced by a placeholder, which keeps every offset; the values read back get it again (unviewed).
 */
function continuationView(text: string, escapeChar: string): string {
  const twice = escapeChar === '`' ? /``(?=[ \t]*(?:\r?\n|$))/g : /\\\\(?=[ \t]*(?:\r?\n|$))/g;
  return text.replace(twice, `${escapeChar}${VIEW_PLACEHOLDER}`);
}

function detached(s: string): string {
  return (` ${s}`).slice(1);
}

/** Length of the common start of `a` and `b`: a binary search over native substring comparisons. */
function commonPrefix(a: string, b: string): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Length of the common end of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(a.length - mid, a.length - lo) === b.slice(b.length - mid, b.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Whether the last instruction of a window (parsed on its own, ending at document offset `end`) could go on past it. */
function isOpen(ast: Dockerfile, text: string, lines: LineIndex, lineBase: number, end: number): boolean {
  const nodes = ast.getInstructions();
  const last = nodes[nodes.length - 1];
  if (!last) return false;
  const range = last.getRange();
  if (lines.offsetAt({ line: range.end.line + lineBase, character: range.end.character }) >= end) return true;
  // Its last line of content (blank and comment lines inside a continuation are skipped) must not continue.
  for (let line = range.end.line + lineBase; line >= range.start.line + lineBase; line--) {
    const content = text.slice(lines.lineStart(line), Math.min(lines.lineEnd(line), end)).trim();
    if (content === '' || content.startsWith('#')) continue;
    if (content.endsWith('\\')) return true;
    break;
  }
  return firstOpenHeredoc(last) !== undefined;
}

/** The first heredoc of `node` that never meets its delimiter; 'unknown' when dockerfile-ast throws on a malformed one. */
function firstOpenHeredoc(node: Instruction): Heredoc | 'unknown' | undefined {
  try {
    return astHeredocs(node).find((h) => h.getDelimiterRange() === null);
  } catch {
    return 'unknown';
  }
}

/**
 * An instruction of a previous model as this model's own: `d` characters and `lines` lines further on, linked to
 * `onbuild` (its ONBUILD's copy, for a trigger), with no stage yet. The previous model's objects are never
 * changed, so what did not move (everything, when nothing did) is shared rather than copied. (Indexed loops and
 * plain calls: this runs for every instruction on every keystroke, often before V8 has optimized it, and an
 * unoptimized for-of allocates an iterator result per element.)
 */
function movedInstr(instr: Instr, d: number, lines: number, onbuild: Instr | null): Instr {
  const moves = d !== 0 || lines !== 0;
  const copy: Instr = {
    keyword: instr.keyword,
    start: instr.start + d,
    end: instr.end + d,
    keywordStart: instr.keywordStart + d,
    keywordEnd: instr.keywordEnd + d,
    line: instr.line + lines,
    endLine: instr.endLine + lines,
    stage: null,
    index: -1,
    onbuild,
    flags: moves ? movedFlags(instr.flags, d) : instr.flags,
    args: moves ? movedArgs(instr.args, d) : instr.args,
    props: moves ? movedProps(instr.props, d) : instr.props,
    heredocs: moves ? movedHeredocs(instr.heredocs, d, lines) : instr.heredocs,
    execForm: instr.execForm,
  };
  // Added in makeInstr's order, so the copy has the original's shape.
  if (instr.alias) copy.alias = moves ? { name: instr.alias.name, start: instr.alias.start + d, end: instr.alias.end + d } : instr.alias;
  if (instr.run) copy.run = moves ? movedRunBody(instr.run, instr.heredocs, copy.heredocs, d) : instr.run;
  if (instr.trigger) copy.trigger = movedInstr(instr.trigger, d, lines, copy);
  return copy;
}

// The copiers below allocate no more than the copies themselves: these live until the next keystroke, so the
// collector moves them at least once. An empty list is shared (nothing in it moves); a list is copied with
// slice() and filled in place, as long as the original, where push() reserves room for 17 (a keystroke's model
// on a 1,000-line file allocated 716 KB that way, 567 KB now). Each kind of object has its own copier writing
// its fields out: one spread for objects of several shapes took half the time of the copying.

function movedFlags(flags: InstructionFlag[], d: number): InstructionFlag[] {
  if (!flags.length) return flags;
  const out = flags.slice();
  for (let i = 0; i < out.length; i++) {
    const f = flags[i];
    out[i] = { name: f.name, value: f.value, start: f.start + d, end: f.end + d, valueStart: f.valueStart === undefined ? undefined : f.valueStart + d };
  }
  return out;
}

function movedArgs(args: InstructionArg[], d: number): InstructionArg[] {
  if (!args.length) return args;
  const out = args.slice();
  for (let i = 0; i < out.length; i++) { const a = args[i]; out[i] = { value: a.value, start: a.start + d, end: a.end + d }; }
  return out;
}

function movedSpans(spans: Array<{ start: number; end: number }>, d: number): Array<{ start: number; end: number }> {
  if (!spans.length) return spans;
  const out = spans.slice();
  for (let i = 0; i < out.length; i++) out[i] = { start: spans[i].start + d, end: spans[i].end + d };
  return out;
}

function movedWord(w: ShellWord, d: number): ShellWord {
  return { value: w.value, raw: w.raw, start: w.start + d, end: w.end + d, quoted: w.quoted };
}

function movedProps(props: InstructionProperty[], d: number): InstructionProperty[] {
  if (!props.length) return props;
  const out = props.slice();
  for (let i = 0; i < out.length; i++) {
    const p = props[i];
    const moved: InstructionProperty = { name: p.name, value: p.value, assignment: p.assignment, nameStart: p.nameStart + d, nameEnd: p.nameEnd + d };
    if (p.valueStart !== undefined) moved.valueStart = p.valueStart + d;
    if (p.valueEnd !== undefined) moved.valueEnd = p.valueEnd + d;
    out[i] = moved;
  }
  return out;
}

function movedHeredocs(heredocs: HeredocInfo[], d: number, lines: number): HeredocInfo[] {
  if (!heredocs.length) return heredocs;
  const out = heredocs.slice();
  for (let i = 0; i < out.length; i++) {
    const h = heredocs[i];
    out[i] = { name: h.name, markerLine: h.markerLine + lines, contentStart: h.contentStart + d, contentEnd: h.contentEnd + d, terminated: h.terminated, isScript: h.isScript };
  }
  return out;
}

/** A RUN's body moved `d` on: its heredocs are its instruction's (`heredocs`, now `movedHeredocs`) or none. */
function movedRunBody(run: RunBody, heredocs: HeredocInfo[], movedHeredocs: HeredocInfo[], d: number): RunBody {
  // run.commands is every script's commands in order: it takes the moved ones.
  const scripts = run.scripts.slice();
  const commands = run.commands.slice();
  let k = 0;
  for (let i = 0; i < scripts.length; i++) {
    const script = movedScript(run.scripts[i], d);
    scripts[i] = script;
    for (let j = 0; j < script.commands.length; j++) commands[k++] = script.commands[j];
  }
  return { execForm: run.execForm, bodyStart: run.bodyStart + d, scripts, commands, heredocs: run.heredocs === heredocs ? movedHeredocs : run.heredocs, hasPipe: run.hasPipe };
}

/** A parsed script `d` characters on: every offset parseShell gives (see ShellScript). */
function movedScript(script: ShellScript, d: number): ShellScript {
  let { pipelines, commands } = script;
  if (pipelines.length) {
    pipelines = pipelines.slice();
    for (let i = 0; i < pipelines.length; i++) {
      const p = script.pipelines[i];
      pipelines[i] = { id: p.id, start: p.start + d, end: p.end + d, stages: movedSpans(p.stages, d) };
    }
  }
  if (commands.length) {
    commands = commands.slice();
    for (let i = 0; i < commands.length; i++) {
      const c = script.commands[i];
      let args = c.args;
      if (args.length) {
        args = args.slice();
        for (let w = 0; w < args.length; w++) args[w] = movedWord(c.args[w], d);
      }
      let assignments = c.assignments;
      if (assignments.length) {
        assignments = assignments.slice();
        for (let a = 0; a < assignments.length; a++) { const x = c.assignments[a]; assignments[a] = { name: x.name, value: x.value, start: x.start + d, end: x.end + d }; }
      }
      const moved: ShellCommand = { name: c.name, nameWord: movedWord(c.nameWord, d), args, assignments, start: c.start + d, end: c.end + d, nested: c.nested };
      if ('pipeline' in c) moved.pipeline = c.pipeline;
      commands[i] = moved;
    }
  }
  return { ...script, base: script.base + d, pipelines, andSteps: movedSpans(script.andSteps, d), commands };
}

// dockerfile-ast (0.7) drops the flags off the arguments with one shift() per flag, on every call and already
// while parsing: quadratic in the number of flags (16,000 `--a=b` on one line took 6 s to parse). The same
// answer with one slice. While getFlags is still collecting (it asks for the arguments itself) it returns no
// flags yet, exactly as the original does.
{
  const proto = ModifiableInstruction.prototype as unknown as { getArguments(): unknown[]; getFlags(): unknown[] };
  const base = Instruction.prototype.getArguments;
  if (typeof proto.getFlags === 'function' && typeof base === 'function') {
    proto.getArguments = function (this: Instruction & { getFlags(): unknown[] }) {
      const args = base.call(this);
      const n = this.getFlags().length;
      return n ? args.slice(n) : args;
    };
  }
}

/**
 * A word of an instruction that knows its offsets in the parsed text and works out its line/character range only
 * when asked: the model reads the offsets (makeInstr), and a RUN of 300 words needed 600 position lookups to turn
 * them into ranges and 600 more to turn them back.
 */
class OffsetArgument extends Argument {
  constructor(value: string, private readonly document: { positionAt(offset: number): Position }, readonly startOffset: number, readonly endOffset: number) {
    super(value, undefined as unknown as Range);
  }

  override getRange(): Range {
    let range = super.getRange();
    if (!range) {
      range = { start: this.document.positionAt(this.startOffset), end: this.document.positionAt(this.endOffset) };
      (this as unknown as { range: Range }).range = range;
    }
    return range;
  }

  override isAfter(position: Position): boolean {
    this.getRange();
    return super.isAfter(position);
  }

  override isBefore(position: Position): boolean {
    this.getRange();
    return super.isBefore(position);
  }
}

// getRawArguments reads only the instruction's own text, which never changes, yet dockerfile-ast calls it again
// and again for each instruction while parsing (through getArguments and getFlags): a third of a keystroke's
// work on a 1,000-line file. Each instruction now works it out once, by slices of the text rather than one
// character at a time (instruction-arguments.ts). Every caller gets the same array, frozen: the one place that
// changed it (the original getArguments, which shift()ed flags off) is replaced above, and a change anywhere
// else fails loudly instead of corrupting the next caller's answer. (A copy for each of the ten or so calls per
// RUN showed in the model's profile.)
{
  interface AstInstruction {
    document: { offsetAt(p: Position): number; positionAt(offset: number): Position };
    escapeChar: string;
    getInstructionRange(): { start: Position; end: Position };
    getTextContent(): string;
  }
  const proto = Instruction.prototype as unknown as { getRawArguments(): unknown[] };
  const memo = new WeakMap<object, readonly Argument[]>();
  if (typeof proto.getRawArguments === 'function') {
    proto.getRawArguments = function (this: AstInstruction) {
      let args = memo.get(this);
      if (!args) {
        const { document } = this;
        const range = this.getInstructionRange();
        const keywordStart = document.offsetAt(range.start);
        const keywordLength = document.offsetAt(range.end) - keywordStart;
        const offset = keywordStart + keywordLength;
        args = Object.freeze(instructionArguments(this.getTextContent().substring(keywordLength), this.escapeChar)
          .map((a) => new OffsetArgument(a.value, document, offset + a.start, offset + a.end)));
        memo.set(this, args);
      }
      return args as Argument[];
    };
  }
}

// dockerfile-ast recomputes arguments, flags, properties and heredocs from the text on every call, and
// several rules ask for them: the model is immutable, so each instruction answers once.
// (Not getArguments/getFlags: they call each other while building, so an early answer would stick.)
const MEMOIZED = ['getProperties', 'getPropertyArguments', 'getHeredocs', 'getArgumentsRanges'];
function memoizeAst(node: Instruction): void {
  const target = node as unknown as Record<string, unknown>;
  for (const name of MEMOIZED) {
    const original = target[name];
    if (typeof original !== 'function') continue;
    let cached: unknown;
    let done = false;
    target[name] = (...args: unknown[]) => {
      if (args.length) return (original as (...a: unknown[]) => unknown).apply(node, args);
      if (!done) {
        // dockerfile-ast can throw on some malformed input (getHeredocs on `\ ] EOF`): treat as nothing found.
        try { cached = (original as () => unknown).call(node); } catch { cached = []; }
        done = true;
      }
      // dockerfile-ast shifts flags off the arrays it gets back: hand out copies.
      return Array.isArray(cached) ? cached.slice() : cached;
    };
  }
}

/** The `from=` of a `RUN --mount=…` flag (a stage or an image), with its document span. */
export function mountFrom(flag: InstructionFlag): { value: string; start: number; end: number } | undefined {
  if (flag.name !== 'mount' || !flag.value || flag.valueStart === undefined) return undefined;
  const m = /(^|,)from=([^,]+)/.exec(flag.value);
  if (!m) return undefined;
  const start = flag.valueStart + m.index + m[1].length + 'from='.length;
  return { value: m[2], start, end: start + m[2].length };
}

/** dockerfile-ast's heredocs of a RUN, COPY or ADD (none for other instructions). */
function astHeredocs(node: Instruction): Heredoc[] {
  return (node as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs?.() ?? [];
}

export function argDefinitions(instr: Instr): VariableDefinition[] {
  return instr.keyword === 'ARG' ? instr.props.map((p) => ({ name: p.name, value: p.value ?? undefined, kind: 'ARG' as const, instr })) : [];
}

/** The value the file itself gives a definition (for an ARG the invocation gives a value: its default, if any). */
export function fileDefault(d: VariableDefinition): string | undefined {
  return d.given ? argDefinitions(d.instr).find((e) => e.name === d.name)?.value : d.value;
}

export function envDefinitions(instr: Instr): VariableDefinition[] {
  return instr.keyword === 'ENV' ? instr.props.map((p) => ({ name: p.name, value: p.value ?? '', kind: 'ENV' as const, instr })) : [];
}

function isExecForm(text: string, args: InstructionArg[]): boolean {
  if (!args.length || !args[0].value.startsWith('[')) return false;
  const raw = text.slice(args[0].start, args[args.length - 1].end).replace(/\\\r?\n/g, '');
  try {
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) && v.every((x) => typeof x === 'string');
  } catch {
    return false;
  }
}

/** A heredoc body is a script when the command before it is nothing or just a shell. */
function heredocRunsScript(command: ShellScript): boolean {
  if (command.commands.length === 0) return true;
  if (command.commands.length !== 1) return false;
  const c = command.commands[0];
  if (!invokedShell(c.name, c.args)) return false;
  const args = programName(c.name) === 'busybox' ? c.args.slice(1) : c.args;
  return args.every((a) => a.value.startsWith('-') || a.value.startsWith('<<'));
}

/**
 * The text between `start` and `end` with line continuations, and the comment and blank lines Docker drops
 * inside them, replaced by spaces of the same length: the shell parser sees one logical line and every
 * offset still points at the same character of the document.
 */
export function continuationsBlanked(text: string, lines: LineIndex, start: number, end: number, escapeChar: string): string {
  // Built from slices and runs of spaces: most RUNs are a few long lines, and a per-character array of each
  // was a tenth of the model's allocation.
  let out = '';
  let kept = start;
  const blank = (from: number, to: number) => {
    from = Math.max(from, kept);
    to = Math.min(to, end);
    if (from >= to) return;
    out += text.slice(kept, from) + ' '.repeat(to - from);
    kept = to;
  };
  const first = lines.positionAt(start).line;
  const last = lines.positionAt(end).line;
  for (let line = first; line <= last; line++) {
    const ls = Math.max(lines.lineStart(line), start);
    const le = Math.min(lines.lineEnd(line), end);
    const next = line < last ? lines.lineStart(line + 1) : end;
    const content = text.slice(ls, le);
    if (line > first && (content.trim() === '' || content.trimStart().startsWith('#'))) {
      blank(ls, next);
      continue;
    }
    const trimmed = content.trimEnd();
    if (trimmed.endsWith(escapeChar) && line < last) blank(ls + trimmed.length - 1, next);
  }
  return out + text.slice(kept, end);
}

/**
 * The text between `start` and `end` as Docker reads it: each line continuation (the escape character and any
 * spaces or tabs after it) removed together with its line break, the next line appended as it is, and the comment
 * and blank lines inside continuations dropped. `echo a\` + `b` is `echo ab`; `echo a \` + `  b` is `echo a   b`.
 */
/**
 * The words of a FROM after its flags as BuildKit reads them: split at every run of blanks, escaped or quoted, and
 * compared as written (`\as` and `as\` are no AS).
 */
export function fromWords(model: { text: string; lines: LineIndex; escapeChar: string }, instr: Instr): string[] {
  if (!instr.args.length) return [];
  return continuationsJoined(model.text, model.lines, instr.args[0].start, instr.end, model.escapeChar).split(/[\t\v\f\r\n ]+/).filter(Boolean);
}

export function continuationsJoined(text: string, lines: LineIndex, start: number, end: number, escapeChar: string): string {
  const first = lines.positionAt(start).line;
  const last = lines.positionAt(end).line;
  const continued = new RegExp(`${escapeChar === '`' ? '`' : '\\\\'}[ \\t]*$`);
  let out = '';
  for (let line = first; line <= last; line++) {
    const content = text.slice(Math.max(lines.lineStart(line), start), Math.min(lines.lineEnd(line), end));
    if (line > first && (content.trim() === '' || content.trimStart().startsWith('#'))) continue;
    if (line < last && continued.test(content)) out += content.replace(continued, '');
    else out += content + (line < last ? '\n' : '');
  }
  return out;
}

function readDirectives(lines: LineIndex): Directive[] {
  const out: Directive[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const text = lines.lineText(line).replace(/^\uFEFF/, '');
    // The value is trimmed after the match: `\s*(.*?)\s*$` backtracks quadratically on a long run of spaces.
    const m = /^\s*#\s*([a-zA-Z][a-zA-Z0-9_-]*)\s*=(.*)$/.exec(text);
    if (!m) break;
    const name = m[1].toLowerCase();
    if (out.some((d) => d.name === name)) break;
    out.push({ name, value: m[2].trim(), line, start: lines.lineStart(line), end: lines.lineEnd(line) });
  }
  return out;
}
