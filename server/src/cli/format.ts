// `dockwise format`: the formatter on files, as the linter finds them (paths, folders, globs, `-`), with the options
// of each file's config file (`format:`) under `--set`. It rewrites files in place, or with --check / --diff only
// says what would change, for CI and pre-commit hooks.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatDockerfile } from '../engine';
import { unknownFormatOptionText } from '../engine/config/suggest';
import { formatOptionAccepts, formatOptionValue, isFormatOptionName, type FormatOptions } from '../engine/format/options';
import type { Locale } from '../engine/i18n/locale';
import { fileUri } from '../host/node';
import { unifiedDiff } from './diff';
import { decodeDockerfile, readTarget } from './files';
import { helpColumns, helpLanguages, optionWords, sharedOption, startMode, UsageError, type CliIo } from './command';
import { cliSpeaker, type CliStringId } from './strings';

const HELP_OPTIONS: ReadonlyArray<readonly [string, CliStringId]> = [
  ['    --check', 'cli.format.help.check'],
  ['    --diff', 'cli.format.help.diff'],
  ['    --set NAME=VALUE', 'cli.format.help.set'],
  ['-c, --config FILE', 'cli.help.config'],
  ['    --no-config', 'cli.help.noConfig'],
  ['    --stdin-filename PATH', 'cli.help.stdinFilename'],
  ['    --lang LANG', 'cli.help.lang'],
  ['-h, --help', 'cli.help.help'],
];

/** `dockwise format --help` in `locale`. */
export function formatHelpText(locale: Locale): string {
  const t = cliSpeaker(locale);
  return `${t('cli.format.help.usage')}\n\n${t('cli.format.help.intro')}\n\n${t('cli.help.options')}\n${helpColumns(HELP_OPTIONS, locale, { languages: helpLanguages(locale) })}\n\n${t('cli.format.help.exitCodes')}\n`;
}

interface FormatArgs {
  check: boolean;
  diff: boolean;
  /** The `--set` options, each already checked. */
  set: Partial<FormatOptions>;
  config?: string;
  noConfig: boolean;
  stdinFilename?: string;
  paths: string[];
}

function parseFormatArgs(argv: readonly string[], locale: Locale): FormatArgs | 'help' {
  const t = cliSpeaker(locale);
  const o: FormatArgs = { check: false, diff: false, set: {}, noConfig: false, paths: [] };
  for (const w of optionWords(argv, locale)) {
    const { name, value } = w;
    switch (name) {
      case '-h': case '--help': return 'help';
      case '--check': o.check = true; break;
      case '--diff': o.diff = true; break;
      case '--set': {
        const v = value();
        const m = /^([^=]+)=(.*)$/.exec(v);
        if (!m) throw new UsageError(t('cli.format.usage.setSyntax', { value: v }));
        const option = m[1].trim();
        if (!isFormatOptionName(option)) throw new UsageError(`--set: ${unknownFormatOptionText(option, locale)}`);
        const parsed = formatOptionValue(option, m[2].trim());
        if (parsed === undefined) throw new UsageError(t('cli.format.usage.setBadValue', { name: option, value: m[2], accepts: formatOptionAccepts(option) }));
        (o.set as Record<string, unknown>)[option] = parsed;
        break;
      }
      default: sharedOption(o, w, locale);
    }
  }
  return o;
}

/** Runs `dockwise format` with the arguments after `format`; the exit code. */
export async function runFormat(argv: readonly string[], io: CliIo, locale: Locale): Promise<number> {
  const t = cliSpeaker(locale);
  const start = await startMode('format', argv, io, locale, parseFormatArgs, formatHelpText, 'cli.format.usage.seeHelp');
  if (typeof start === 'number') return start;
  const { o, targets, workspace, configFile } = start;
  let failed = start.usageProblem;
  const settings = { ...configFile, format: o.set };
  const readsStdin = targets.some((x) => !x.file);
  // Standard output carries the formatted text (stdin) or the patch (--diff): then what was done goes to stderr.
  const say = readsStdin || o.diff ? io.stderr : io.stdout;
  const onlyReport = o.check || o.diff;
  let changed = 0;
  let unchanged = 0;
  for (const target of targets) {
    const bytes = readTarget(target, io, t);
    if (!bytes) {
      failed = true;
      continue;
    }
    const decoded = decodeDockerfile(bytes, locale);
    if ('error' in decoded) {
      // An empty file has nothing to format; binary or non-UTF-8 content is not a Dockerfile this can read.
      if (decoded.errorId === 'cli.files.empty') {
        if (!target.file && !onlyReport) io.stdout(bytes.toString('utf8'));
        unchanged++;
        continue;
      }
      io.stderr(`dockwise: ${target.display}: ${decoded.error}\n`);
      failed = true;
      continue;
    }
    const where = target.file ?? path.resolve(io.cwd, o.stdinFilename ?? 'Dockerfile');
    const options = await workspace.optionsFor(fileUri(where), settings);
    let result: ReturnType<typeof formatDockerfile>;
    try { result = formatDockerfile(decoded.text, options.format); } catch (e) {
      // A fault of the formatter's own: this file is left alone and said so; the others are still formatted.
      io.stderr(`dockwise: ${t('cli.format.internalError', { path: target.display, error: String((e as Error)?.stack ?? e) })}\n`);
      failed = true;
      continue;
    }
    for (const reason of ['meaning', 'unparsed'] as const) {
      const lines = result.kept.filter((k) => k.reason === reason).map((k) => k.line);
      if (lines.length) io.stderr(`dockwise: ${t.count(reason === 'meaning' ? 'cli.format.keptMeaning' : 'cli.format.keptUnparsed', lines.length, { path: target.display, lines: lines.join(', ') })}\n`);
    }
    // The byte-order mark stays: it is part of the file's first line, which the formatter never sees.
    const bom = decoded.bom ? '\uFEFF' : '';
    const differs = result.text !== decoded.text;
    if (differs) changed++;
    else unchanged++;
    if (o.diff) io.stdout(unifiedDiff(bom + decoded.text, bom + result.text, `a/${target.display}`, `b/${target.display}`));
    if (!target.file) {
      if (!onlyReport) io.stdout(bom + result.text);
      else if (o.check && differs) say(`${t('cli.format.wouldFormat', { path: target.display })}\n`);
      continue;
    }
    if (!differs) continue;
    if (onlyReport) {
      if (o.check) say(`${t('cli.format.wouldFormat', { path: target.display })}\n`);
      continue;
    }
    try { fs.writeFileSync(target.file, bom + result.text); } catch (e) {
      io.stderr(`dockwise: ${t('cli.format.cannotWrite', { path: target.display, error: (e as Error).message })}\n`);
      failed = true;
      continue;
    }
    say(`${t('cli.format.formatted', { path: target.display })}\n`);
  }
  // Standard input alone gets no summary: its output is the text.
  if (!(readsStdin && targets.length === 1 && !onlyReport)) {
    const done = onlyReport ? t.count('cli.format.summary.wouldFormat', changed) : t.count('cli.format.summary.formatted', changed);
    say(`${t('cli.format.summary', { done, unchanged: t.count('cli.format.summary.unchanged', unchanged) })}\n`);
  }
  if (failed) return 2;
  return onlyReport && changed ? 1 : 0;
}
