// `dockwise pin`: the pin-digest refactoring on files, as `dockwise format` finds them (paths, folders, globs, `-`):
// every base image not pinned yet gets the digest its tag points at now, from its registry. Rewrites files in
// place; --diff prints the change instead; --check asks no registry and only says what is not pinned, for CI.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRefactorings, runRefactoring, type RefactorContext } from '../engine';
import type { Locale } from '../engine/i18n/locale';
import { DockerfileModel } from '../engine/model/dockerfile';
import { pinnableStages } from '../engine/refactor/pin-digest';
import { fileUri } from '../host/node';
import { createRegistryClient, dockerConfigPath } from '../host/node/registry';
import { unifiedDiff } from './diff';
import { decodeDockerfile, readTarget } from './files';
import { helpColumns, helpLanguages, optionWords, sharedOption, startMode, type CliIo } from './command';
import { cliSpeaker, type CliStringId } from './strings';

const HELP_OPTIONS: ReadonlyArray<readonly [string, CliStringId]> = [
  ['    --check', 'cli.pin.help.check'],
  ['    --diff', 'cli.pin.help.diff'],
  ['-c, --config FILE', 'cli.help.config'],
  ['    --no-config', 'cli.help.noConfig'],
  ['    --stdin-filename PATH', 'cli.help.stdinFilename'],
  ['    --lang LANG', 'cli.help.lang'],
  ['-h, --help', 'cli.help.help'],
];

/** `dockwise pin --help` in `locale`. */
export function pinHelpText(locale: Locale): string {
  const t = cliSpeaker(locale);
  return `${t('cli.pin.help.usage')}\n\n${t('cli.pin.help.intro')}\n\n${t('cli.help.options')}\n${helpColumns(HELP_OPTIONS, locale, { languages: helpLanguages(locale) })}\n\n${t('cli.pin.help.exitCodes')}\n`;
}

interface PinArgs {
  check: boolean;
  diff: boolean;
  config?: string;
  noConfig: boolean;
  stdinFilename?: string;
  paths: string[];
}

function parsePinArgs(argv: readonly string[], locale: Locale): PinArgs | 'help' {
  const o: PinArgs = { check: false, diff: false, noConfig: false, paths: [] };
  for (const w of optionWords(argv, locale)) {
    switch (w.name) {
      case '-h': case '--help': return 'help';
      case '--check': o.check = true; break;
      case '--diff': o.diff = true; break;
      default: sharedOption(o, w, locale);
    }
  }
  return o;
}

/** Runs `dockwise pin` with the arguments after `pin`; the exit code. */
export async function runPin(argv: readonly string[], io: CliIo, locale: Locale): Promise<number> {
  const t = cliSpeaker(locale);
  const start = await startMode('pin', argv, io, locale, parsePinArgs, pinHelpText, 'cli.pin.usage.seeHelp');
  if (typeof start === 'number') return start;
  const { o, targets, workspace, configFile } = start;
  let failed = start.usageProblem;
  // One client for the run: an image named by several files is asked once.
  const registry = createRegistryClient({ locale, configFile: dockerConfigPath(io.env) });
  const readsStdin = targets.some((x) => !x.file);
  // Standard output carries the pinned text (stdin) or the patch (--diff): then what was done goes to stderr.
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
      if (decoded.errorId === 'cli.files.empty') {
        if (!target.file && !onlyReport) io.stdout(bytes.toString('utf8'));
        unchanged++;
        continue;
      }
      io.stderr(`dockwise: ${target.display}: ${decoded.error}\n`);
      failed = true;
      continue;
    }
    const bom = decoded.bom ? '\uFEFF' : '';
    const model = new DockerfileModel(decoded.text);
    const unpinned = pinnableStages(model.stages);
    if (o.check) {
      // No registry is asked: what is not pinned is known from the text.
      for (const s of unpinned) say(`${t('cli.pin.unpinned', { path: target.display, line: s.from.line + 1, image: s.image.resolved })}\n`);
      if (unpinned.length) changed++;
      else unchanged++;
      continue;
    }
    let text = decoded.text;
    if (unpinned.length) {
      const where = target.file ?? path.resolve(io.cwd, o.stdinFilename ?? 'Dockerfile');
      const options = await workspace.optionsFor(fileUri(where), configFile);
      const ctx: RefactorContext = {
        model,
        settings: { trustedRegistries: [], today: new Date().toISOString().slice(0, 10), ...options.settings, locale },
        files: options.files,
        registry,
        lint: { severities: options.severities, severitiesFor: options.severitiesFor, postprocess: options.postprocess },
      };
      const offers = allRefactorings(ctx).filter((x) => x.refactoring === 'pin-digest');
      const offer = offers.find((x) => x.key === 'all') ?? offers[0];
      const outcome = offer ? await runRefactoring(ctx, offer) : undefined;
      if (outcome && 'error' in outcome) {
        // One line per image the registry could not answer for.
        for (const line of outcome.error.split('\n')) io.stderr(`dockwise: ${target.display}: ${line}\n`);
        failed = true;
        if (!target.file && !onlyReport) io.stdout(bom + decoded.text);
        continue;
      }
      if (outcome) text = outcome.text;
    }
    const differs = text !== decoded.text;
    if (differs) changed++;
    else unchanged++;
    if (o.diff) io.stdout(unifiedDiff(bom + decoded.text, bom + text, `a/${target.display}`, `b/${target.display}`));
    if (!target.file) {
      if (!onlyReport) io.stdout(bom + text);
      continue;
    }
    if (!differs || onlyReport) continue;
    try { fs.writeFileSync(target.file, bom + text); } catch (e) {
      io.stderr(`dockwise: ${t('cli.format.cannotWrite', { path: target.display, error: (e as Error).message })}\n`);
      failed = true;
      continue;
    }
    say(`${t('cli.pin.pinned', { path: target.display })}\n`);
  }
  if (!(readsStdin && targets.length === 1 && !onlyReport)) {
    const done = onlyReport ? t.count('cli.pin.summary.wouldPin', changed) : t.count('cli.pin.summary.pinned', changed);
    say(`${t('cli.pin.summary', { done, unchanged: t.count('cli.pin.summary.unchanged', unchanged) })}\n`);
  }
  if (failed) return 2;
  return onlyReport && changed ? 1 : 0;
}
