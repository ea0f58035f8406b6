// `dockwise refactor`: the editor's refactorings on the command line. `--list` says which are offered where;
// `dockwise refactor NAME FILE` prints the refactored file (or, with --diff, the change; with --write, writes it and
// the files beside it), and what the user should know on standard error. A refactoring that must ask takes the
// answer from --choose, and without it says what it asks and which values there are.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRefactorings, DockerfileModel, engineSettings, REFACTORINGS, runRefactoring, type RefactorContext, type RefactorOffer } from '../engine';
import type { Locale } from '../engine/i18n/locale';
import { fileUri, nodeHost } from '../host/node';
import type { DocumentSettings, Workspace } from '../workspace/workspace';
import { unifiedDiff } from './diff';
import { decodeDockerfile, readTarget, type Target } from './files';
import { helpColumns, helpLanguages, optionWords, sharedOption, startMode, UsageError, type CliIo } from './command';
import { cliSpeaker, type CliStringId } from './strings';

const HELP_OPTIONS: ReadonlyArray<readonly [string, CliStringId]> = [
  ['    --list', 'cli.refactor.help.list'],
  ['    --at LINE', 'cli.refactor.help.at'],
  ['    --choose VALUE', 'cli.refactor.help.choose'],
  ['    --diff', 'cli.refactor.help.diff'],
  ['    --write', 'cli.refactor.help.write'],
  ['-c, --config FILE', 'cli.help.config'],
  ['    --no-config', 'cli.help.noConfig'],
  ['    --stdin-filename PATH', 'cli.help.stdinFilename'],
  ['    --lang LANG', 'cli.help.lang'],
  ['-h, --help', 'cli.help.help'],
];

export function refactorHelpText(locale: Locale): string {
  const t = cliSpeaker(locale);
  const names = REFACTORINGS.map((r) => `  ${r.id.padEnd(28)}${r.docs.summary}`).join('\n');
  return `${t('cli.refactor.help.usage')}\n\n${t('cli.refactor.help.intro')}\n\n${t('cli.refactor.help.names')}\n${names}\n\n${t('cli.help.options')}\n${helpColumns(HELP_OPTIONS, locale, { languages: helpLanguages(locale) })}\n\n${t('cli.refactor.help.exitCodes')}\n`;
}

interface RefactorArgs {
  list: boolean;
  name?: string;
  at?: number;
  choose: string[];
  diff: boolean;
  write: boolean;
  config?: string;
  noConfig: boolean;
  stdinFilename?: string;
  paths: string[];
}

function parseRefactorArgs(argv: readonly string[], locale: Locale): RefactorArgs | 'help' {
  const t = cliSpeaker(locale);
  const o: RefactorArgs = { list: false, choose: [], diff: false, write: false, noConfig: false, paths: [] };
  for (const w of optionWords(argv, locale)) {
    const { name, value } = w;
    switch (name) {
      case '-h': case '--help': return 'help';
      case '--list': o.list = true; break;
      case '--at': {
        const v = value();
        if (!/^[1-9]\d*$/.test(v)) throw new UsageError(t('cli.refactor.usage.badLine', { value: v }));
        o.at = Number(v);
        break;
      }
      case '--choose': o.choose.push(value()); break;
      case '--diff': o.diff = true; break;
      case '--write': o.write = true; break;
      default: sharedOption(o, w, locale);
    }
  }
  const words = o.paths;
  if (o.diff && o.write) throw new UsageError(t('cli.refactor.usage.diffAndWrite'));
  if (o.list) {
    o.paths = words;
    return o;
  }
  if (!words.length) throw new UsageError(t('cli.refactor.usage.needsName'));
  o.name = words[0];
  if (!REFACTORINGS.some((r) => r.id === o.name)) throw new UsageError(t('cli.refactor.usage.unknownName', { name: o.name, names: REFACTORINGS.map((r) => r.id).join(', ') }));
  o.paths = words.slice(1);
  if (o.paths.length !== 1) throw new UsageError(t('cli.refactor.usage.oneFile'));
  return o;
}

/** Which of the offers `--at` (a line) or, without it, the file-wide one or the only one means. */
function pickOffer(offers: readonly RefactorOffer[], model: DockerfileModel, at: number | undefined): RefactorOffer | RefactorOffer[] {
  if (at !== undefined) {
    const offset = model.lines.offsetAt({ line: at - 1, character: 0 });
    const lineEnd = model.lines.offsetAt({ line: at, character: 0 });
    const here = offers.filter((o) => o.start < lineEnd && o.end >= offset);
    // The narrowest offer on that line: the one about it, not the file-wide one.
    here.sort((a, b) => (a.end - a.start) - (b.end - b.start));
    return here.length ? here[0] : [];
  }
  if (offers.length === 1) return offers[0];
  return offers.find((o) => o.key === 'all') ?? [...offers];
}

/** Runs `dockwise refactor` with the arguments after `refactor`; the exit code. */
export async function runRefactor(argv: readonly string[], io: CliIo, locale: Locale): Promise<number> {
  const t = cliSpeaker(locale);
  const start = await startMode('refactor', argv, io, locale, parseRefactorArgs, refactorHelpText, 'cli.refactor.usage.seeHelp');
  if (typeof start === 'number') return start;
  const { o, targets, workspace, configFile } = start;
  let failed = start.usageProblem;
  let offered = false;
  for (const target of targets) {
    const loaded = await contextOf(target, o, configFile, workspace, io, locale);
    if (!loaded) { failed = true; continue; }
    const { ctx, bom } = loaded;
    const offers = allRefactorings(ctx).filter((x) => !o.name || x.refactoring === o.name);
    if (o.list) {
      for (const x of offers) {
        const p = ctx.model.lines.positionAt(x.start);
        io.stdout(`${target.display}:${p.line + 1}:${p.character + 1}: ${x.refactoring}: ${x.title}${x.unavailable ? ` (${t('cli.refactor.unavailable', { reason: x.unavailable })})` : x.question ? ` (${t('cli.refactor.asks', { prompt: x.question.prompt })})` : ''}\n`);
      }
      offered ||= offers.length > 0;
      continue;
    }
    const picked = pickOffer(offers, ctx.model, o.at);
    if (Array.isArray(picked)) {
      if (!picked.length) { io.stderr(`dockwise: ${t('cli.refactor.notOffered', { name: o.name!, path: target.display })}\n`); continue; }
      const lines = picked.map((x) => ctx.model.lines.positionAt(x.start).line + 1);
      io.stderr(`dockwise: ${t('cli.refactor.severalOffers', { name: o.name!, path: target.display, lines: lines.join(', ') })}\n`);
      failed = true;
      continue;
    }
    offered = true;
    const q = picked.question;
    if (q && !o.choose.length) {
      const values = q.candidates.map((c) => `  --choose ${c.value}${c.detail ? `  (${c.detail})` : ''}`).join('\n');
      io.stderr(`dockwise: ${t('cli.refactor.needsChoice', { title: picked.title, prompt: q.prompt })}\n${values}\n`);
      failed = true;
      continue;
    }
    const out = await runRefactoring(ctx, picked, q ? o.choose : undefined);
    if ('error' in out) { io.stderr(`dockwise: ${target.display}: ${out.error}\n`); failed = true; continue; }
    for (const note of out.notes) io.stderr(`${note}\n`);
    const dir = target.file ? path.dirname(target.file) : io.cwd;
    if (o.diff) {
      io.stdout(unifiedDiff(bom + ctx.model.text, bom + out.text, `a/${target.display}`, `b/${target.display}`));
      for (const f of out.files ?? []) {
        const shown = path.relative(io.cwd, path.join(dir, f.path));
        io.stdout(unifiedDiff(f.exists ? ctx.files?.read(f.path) ?? '' : '', f.content, f.exists ? `a/${shown}` : '/dev/null', `b/${shown}`));
      }
      continue;
    }
    if (!o.write || !target.file) {
      io.stdout(bom + out.text);
      for (const f of out.files ?? []) io.stderr(`${t('cli.refactor.fileNotWritten', { path: f.path })}\n`);
      continue;
    }
    try {
      fs.writeFileSync(target.file, bom + out.text);
      for (const f of out.files ?? []) fs.writeFileSync(path.join(dir, f.path), f.content);
    } catch (e) {
      io.stderr(`dockwise: ${t('cli.format.cannotWrite', { path: target.display, error: (e as Error).message })}\n`);
      failed = true;
      continue;
    }
    io.stderr(`${t('cli.refactor.written', { title: picked.title, path: target.display })}\n`);
  }
  if (failed) return 2;
  return offered ? 0 : 1;
}

/** The refactoring context of one target: its text, its config's severities, the files beside it and the registry. */
async function contextOf(target: Target, o: RefactorArgs, settings: DocumentSettings, workspace: Workspace, io: CliIo, locale: Locale): Promise<{ ctx: RefactorContext; bom: string } | undefined> {
  const bytes = readTarget(target, io, cliSpeaker(locale));
  if (!bytes) return undefined;
  const decoded = decodeDockerfile(bytes, locale);
  if ('error' in decoded) { io.stderr(`dockwise: ${target.display}: ${decoded.error}\n`); return undefined; }
  const where = target.file ?? path.resolve(io.cwd, o.stdinFilename ?? 'Dockerfile');
  const options = await workspace.optionsFor(fileUri(where), settings);
  const ctx: RefactorContext = {
    model: new DockerfileModel(decoded.text),
    settings: engineSettings(options),
    files: options.files,
    registry: nodeHost.registry,
    lint: { severities: options.severities, severitiesFor: options.severitiesFor, postprocess: options.postprocess },
  };
  return { ctx, bom: decoded.bom ? '\uFEFF' : '' };
}
