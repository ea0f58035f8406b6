// What the command's two modes (linting, run.ts; `dockwise format`, format.ts) share: their I/O, usage errors, the
// layout of --help and which config file a run uses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isLocale, LOCALES, type Locale } from '../engine/i18n/locale';
import { fileUri, initNodeShellParser, nodeHost } from '../host/node';
import { Workspace, type DocumentSettings } from '../workspace/workspace';
import { resolveTargets, type Target } from './files';
import { cliSpeaker, type CliStringId } from './strings';

export interface CliIo {
  cwd: string;
  stdout(s: string): void;
  stderr(s: string): void;
  readStdin(): Buffer;
  isTTY: boolean;
  env: Record<string, string | undefined>;
}

/** A mistake in the arguments: said with a pointer to --help, exit code 2. */
export class UsageError extends Error {}

/** A word of the command line: the option it names (`--x` of `--x=v`, else the word) and a reader of its value. */
export interface OptionWord { word: string; name: string; value(): string }

/** The command line's words in turn; an option's `value()` is what follows its `=`, else the next word (then skipped). */
export function* optionWords(argv: readonly string[], locale: Locale): Generator<OptionWord> {
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i];
    const eq = word.startsWith('--') ? word.indexOf('=') : -1;
    const name = eq > 0 ? word.slice(0, eq) : word;
    yield {
      word,
      name,
      value: () => {
        if (eq > 0) return word.slice(eq + 1);
        const v = argv[++i];
        if (v === undefined) throw new UsageError(cliSpeaker(locale)('cli.usage.needsValue', { option: name }));
        return v;
      },
    };
  }
}

/** What the options every mode of the command takes fill in. */
export interface SharedOptions { config?: string; noConfig: boolean; stdinFilename?: string; paths: string[] }

/**
 * A word of `dockwise format`, `pin` or `refactor` that is not one of their own options: the config file, the name
 * for standard input, the language, or a path; an unknown option is a usage error.
 */
export function sharedOption(o: SharedOptions, { word, name, value }: OptionWord, locale: Locale): void {
  switch (name) {
    case '-c': case '--config': o.config = value(); return;
    case '--no-config': o.noConfig = true; return;
    case '--stdin-filename': o.stdinFilename = value(); return;
    // Read before the arguments (localeOfArgs); checked here so a bad one is an error as it is when linting.
    case '--lang': languageOption(value(), locale); return;
    case '-': o.paths.push('-'); return;
  }
  if (word.startsWith('-')) throw new UsageError(cliSpeaker(locale)('cli.usage.unknownOption', { option: word }));
  o.paths.push(word);
}

/** `--lang`'s value, or a usage error naming the languages there are. */
export function languageOption(value: string, locale: Locale): Locale {
  if (!isLocale(value)) throw new UsageError(cliSpeaker(locale)('cli.usage.unknownLanguage', { language: value, languages: LOCALES.join(', ') }));
  return value;
}

const HELP_COLUMN = 30;

/** --help's options: each option as typed (code) and its description in `locale` (a text, maybe of several lines). */
export function helpColumns(options: ReadonlyArray<readonly [string, CliStringId]>, locale: Locale, data: Readonly<Record<string, string>> = {}): string {
  const t = cliSpeaker(locale);
  return options.map(([option, id]) => {
    const [first, ...more] = t(id, data).split('\n');
    return [`  ${option}`.padEnd(HELP_COLUMN - 1) + ` ${first}`, ...more.map((l) => ' '.repeat(HELP_COLUMN) + l)].join('\n');
  }).join('\n');
}

/** The languages --lang takes, as a sentence in `locale` (`en or ko`), for --help. */
export function helpLanguages(locale: Locale): string {
  const t = cliSpeaker(locale);
  return LOCALES.slice(1).reduce((first: string, second: string) => t('cli.help.or', { first, second }), LOCALES[0] as string);
}

/**
 * The config file a run uses, as document settings: `--no-config` none, `--config FILE` that one, else each file's
 * own (found from its folder up). Undefined, after saying so, when `--config` names no file.
 */
export function configSettings(o: { config?: string; noConfig: boolean }, io: CliIo, locale: Locale): Pick<DocumentSettings, 'configFile'> | undefined {
  if (o.noConfig) return { configFile: null };
  if (!o.config) return {};
  const file = path.resolve(io.cwd, o.config);
  if (!fs.existsSync(file)) { io.stderr(`dockwise: ${cliSpeaker(locale)('cli.files.configNotFound', { path: o.config })}\n`); return undefined; }
  return { configFile: fileUri(file) };
}

/** What a mode (`format`, `pin`, `refactor`) starts from once its arguments are read. */
export interface ModeStart<O> {
  o: O;
  targets: Target[];
  /** A path named nothing: said already, the run goes on with the rest and exits 2. */
  usageProblem: boolean;
  configFile: Pick<DocumentSettings, 'configFile'>;
  workspace: Workspace;
}

/**
 * The start every mode shares: its arguments read (a usage error said with a pointer to its --help, exit 2;
 * --help printed, exit 0), its targets and config file resolved, the shell parser ready and a workspace that
 * reports config problems on stderr. A number: the exit code, nothing more to do.
 */
export async function startMode<O extends SharedOptions>(mode: string, argv: readonly string[], io: CliIo, locale: Locale, parse: (argv: readonly string[], locale: Locale) => O | 'help', help: (locale: Locale) => string, seeHelp: CliStringId): Promise<ModeStart<O> | number> {
  const t = cliSpeaker(locale);
  let o: O | 'help';
  try {
    o = parse(argv, locale);
  } catch (e) {
    if (e instanceof UsageError) { io.stderr(`dockwise ${mode}: ${e.message}\n${t(seeHelp)}\n`); return 2; }
    throw e;
  }
  if (o === 'help') { io.stdout(help(locale)); return 0; }
  const resolved = resolveTargets(o.paths, io, o.stdinFilename, t);
  if (!resolved) return 2;
  const configFile = configSettings(o, io, locale);
  if (!configFile) return 2;
  await initNodeShellParser();
  const workspace = new Workspace(nodeHost, (_problem, text) => io.stderr(`dockwise: ${text}\n`), locale);
  return { o, targets: resolved.targets, usageProblem: resolved.usageProblem, configFile, workspace };
}
