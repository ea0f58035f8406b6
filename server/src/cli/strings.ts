// The English texts of the `dockwise` command: its help, usage errors, file and baseline errors, the stylish
// report's words and summary, and the --fix summary. Option names, format names, severities as data and
// everything a machine reads (JSON, SARIF, checkstyle, GitLab, GitHub annotations) are code, not texts.
// English needs a singular and a plural: those are two ids (`.one`, `.other`); other languages may say both alike.
import { defineStrings, speaker } from '../engine/i18n/catalog';
import type { Locale } from '../engine/i18n/locale';

export const CLI_STRINGS = defineStrings({
  // --help: the option names and their arguments are code (run.ts); a description may span lines.
  'cli.help.usage': 'Usage: dockwise [options] [path|glob|- ...]',
  'cli.help.intro': 'Lints Dockerfiles against production best practices and repairs them.\nWith no paths, lints every Dockerfile, Containerfile, Dockerfile.*, *.Dockerfile and *.dockerfile\nbelow the current folder (skipping .git and node_modules). "-" reads standard input.',
  'cli.help.commands': 'Commands:',
  'cli.help.formatCommand': 'format Dockerfiles in place (see "dockwise format --help")',
  'cli.help.pinCommand': 'pin base images by digest in place (see "dockwise pin --help")',
  'cli.help.refactorCommand': 'apply a refactoring (see "dockwise refactor --help")',
  'cli.help.options': 'Options:',
  'cli.help.format': 'stylish (default), json, sarif, github, checkstyle, gitlab',
  'cli.help.fix': 'apply safe fixes in place (and create files such as .dockerignore)',
  'cli.help.unsafeFixes': 'with --fix or --diff, apply unsafe fixes too',
  'cli.help.diff': 'print the fixes as a unified diff instead of writing them',
  'cli.help.failureThreshold': 'error, warning, info (default), style or none: exit 1 at or above it',
  'cli.help.profile': '{profiles} (default {profile}):\nwhich rules are on, at what severity; see docs/profiles.md',
  'cli.help.ignore': 'turn a rule off (id, DL code or BuildKit name); repeatable',
  'cli.help.rule': 'set a rule to off, error, warning, info or style; repeatable',
  'cli.help.config': 'use this config file (.dockwise.yaml or .hadolint.yaml format)',
  'cli.help.noConfig': 'use no config file',
  'cli.help.stdinFilename': 'the path to report (and find config for) when reading "-"',
  'cli.help.baseline': 'report only the findings that FILE (from --baseline-write) does not hold',
  'cli.help.baselineWrite': 'record every finding in FILE instead of reporting them, and exit 0',
  'cli.help.shellcheck': 'also run ShellCheck (when installed) on RUN scripts, as hadolint does',
  'cli.help.color': 'force colours on or off (default: on for a terminal, off with NO_COLOR)',
  'cli.help.lang': '{languages}: the language of messages and pages (default: from LC_ALL,\nLC_MESSAGES or LANG, else en)',
  'cli.help.or': '{first} or {second}',
  'cli.help.explain': 'print a rule\'s documentation',
  'cli.help.compose': 'read this compose file (and not the ones found); repeatable, in order, as docker compose -f',
  'cli.help.service': 'lint only as these compose services build each file; repeatable',
  'cli.help.bake': 'read this bake file (and not the ones found); repeatable, in order',
  'cli.help.target': 'lint only as these bake targets build each file; repeatable',
  'cli.help.standalone': 'lint each file as built alone (its folder as the context, no build args, the last\nstage ships), whatever compose and bake files say',
  'cli.help.explainContext': 'print the compose services and bake targets that build each file (from the\ncompose and bake files in its folder and above it, up to the current folder),\ninstead of linting',
  'cli.help.listRules': 'print every rule with its severity (in --profile), category, aliases, fix\nand status (preview rules say so)',
  'cli.help.version': 'print the version',
  'cli.help.help': 'print this help',
  'cli.help.exitCodes': 'Exit codes: 0 nothing at or above the threshold, 1 findings at or above it, 2 usage error or unreadable path.',

  // `dockwise format`: its --help, its usage errors, and what it did.
  'cli.format.help.usage': 'Usage: dockwise format [options] [path|glob|- ...]',
  'cli.format.help.intro': 'Formats Dockerfiles in place and lists the files it changed. It changes layout only:\nwhat the build does stays the same, and an instruction it cannot print without changing\nthat is left as written. The options come from .dockwise.yaml\'s format: section (see\ndocs/format.md). With no paths, formats every Dockerfile below the current folder, as\nlinting does. "-" reads standard input and prints the result.',
  'cli.format.help.check': 'write nothing; list the files that would change, exit 1 if any',
  'cli.format.help.diff': 'write nothing; print the changes as a unified diff, exit 1 if any',
  'cli.format.help.set': 'set a formatter option over the config file (indent=2,\nkeywordCase=lower, …; docs/format.md lists them); repeatable',
  'cli.format.help.exitCodes': 'Exit codes: 0 formatted (or, with --check or --diff, nothing would change), 1 some file would\nchange (--check, --diff), 2 usage error, unreadable path or file.',
  'cli.format.usage.seeHelp': 'Run "dockwise format --help" for usage.',
  'cli.format.usage.setSyntax': '--set expects NAME=VALUE, got "{value}"',
  'cli.format.usage.setBadValue': '--set {name}: "{value}" is not one of {accepts}',
  'cli.format.keptMeaning.one': '{path}: note: line {lines} left as written, since formatting it would change what it means',
  'cli.format.keptMeaning.other': '{path}: note: lines {lines} left as written, since formatting them would change what they mean',
  'cli.format.keptUnparsed.one': '{path}: note: line {lines} left as written, since the parser does not understand it',
  'cli.format.keptUnparsed.other': '{path}: note: lines {lines} left as written, since the parser does not understand them',
  'cli.format.cannotWrite': '{path}: cannot write ({error})',
  'cli.format.internalError': 'internal error formatting {path}; the file is left as it was: {error}',
  'cli.format.formatted': 'formatted {path}',
  'cli.format.wouldFormat': 'would format {path}',
  'cli.format.summary': '{done}, {unchanged}',
  'cli.format.summary.formatted.one': '{count} file formatted',
  'cli.format.summary.formatted.other': '{count} files formatted',
  'cli.format.summary.wouldFormat.one': '{count} file would be formatted',
  'cli.format.summary.wouldFormat.other': '{count} files would be formatted',
  'cli.format.summary.unchanged.one': '{count} file already formatted',
  'cli.format.summary.unchanged.other': '{count} files already formatted',
  'cli.pin.help.usage': 'Usage: dockwise pin [options] [path|glob|- ...]',
  'cli.pin.help.intro': 'Pins every base image by digest in place: FROM node:22 becomes FROM node:22@sha256:…, the\ndigest the tag points at now, asked from its registry (credentials from Docker\'s config.json).\nThe build stays the same, and stays so when the tag moves on. With no paths, pins every\nDockerfile below the current folder, as linting does. "-" reads standard input and prints\nthe result.',
  'cli.pin.help.check': 'write nothing and ask no registry; list the images not pinned, exit 1 if any',
  'cli.pin.help.diff': 'write nothing; print the changes as a unified diff, exit 1 if any',
  'cli.pin.help.exitCodes': 'Exit codes: 0 pinned (or, with --check or --diff, nothing to pin), 1 some image is not pinned\n(--check, --diff), 2 usage error, unreadable path or file, a registry that could not answer.',
  'cli.pin.usage.seeHelp': 'Run "dockwise pin --help" for usage.',
  'cli.pin.unpinned': '{path}:{line}: {image} is not pinned by digest',
  'cli.pin.pinned': 'pinned {path}',
  'cli.pin.summary': '{done}, {unchanged}',
  'cli.pin.summary.pinned.one': '{count} file pinned',
  'cli.pin.summary.pinned.other': '{count} files pinned',
  'cli.pin.summary.wouldPin.one': '{count} file would be pinned',
  'cli.pin.summary.wouldPin.other': '{count} files would be pinned',
  'cli.pin.summary.unchanged.one': '{count} file already pinned',
  'cli.pin.summary.unchanged.other': '{count} files already pinned',

  // `dockwise --explain-context`: what builds each file.
  'cli.context.composeService': 'compose service {name} ({where})',
  'cli.context.bakeTarget': 'bake target {name} ({where})',
  'cli.context.context': 'context: {context}',
  'cli.context.target': 'target: {target}',
  'cli.context.args': 'args: {args}',
  'cli.context.platforms': 'platforms: {platforms}',
  'cli.context.secrets': 'secrets: {secrets}',
  'cli.context.contexts': 'named contexts: {contexts}',
  'cli.context.none': 'no compose or bake file builds it: built alone, from its folder, to its last stage',
  'cli.context.noneOf': 'none of {files} builds it: built alone, from its folder, to its last stage',
  'cli.context.stdin': 'read from standard input: no compose or bake file can name it',
  'cli.context.problem': '{where}: {message}',
  'cli.context.standalone': '--standalone: built alone, from its folder, to its last stage',

  // `dockwise refactor`: its --help, its usage errors, and what it did.
  'cli.refactor.help.usage': 'Usage: dockwise refactor NAME FILE [options]\n       dockwise refactor --list [path|glob|- ...]',
  'cli.refactor.help.intro': 'Applies one of the editor\'s refactorings to a Dockerfile and prints the result (or, with\n--diff, the change; with --write, writes it). What you should know about the change, such as\nthe build command to add, goes to standard error. A refactoring is applied only when its\nresult parses, keeps every comment and lints no worse than the file did.',
  'cli.refactor.help.names': 'Refactorings:',
  'cli.refactor.help.list': 'list the refactorings offered in each file, with where and what they do',
  'cli.refactor.help.at': 'the one that applies at this line (1-based), when the file has several',
  'cli.refactor.help.choose': 'the answer to what the refactoring asks (a path to copy, a port);\nrepeatable',
  'cli.refactor.help.diff': 'print the change as a unified diff',
  'cli.refactor.help.write': 'write the change to the file (and the files beside it, such as .dockerignore)',
  'cli.refactor.help.exitCodes': 'Exit codes: 0 done (or, with --list, something is offered), 1 nothing offered, 2 usage\nerror, unreadable file, or the refactoring could not be done.',
  'cli.refactor.usage.seeHelp': 'Run "dockwise refactor --help" for usage.',
  'cli.refactor.usage.badLine': '--at expects a line number, got "{value}"',
  'cli.refactor.usage.diffAndWrite': '--diff and --write cannot be used together',
  'cli.refactor.usage.needsName': 'name a refactoring and a file, or use --list',
  'cli.refactor.usage.unknownName': 'no refactoring is named "{name}"; there are: {names}',
  'cli.refactor.usage.oneFile': 'a refactoring applies to one file at a time',
  'cli.refactor.asks': 'asks: {prompt}',
  'cli.refactor.unavailable': 'not available: {reason}',
  'cli.refactor.notOffered': '{name} is not offered in {path}',
  'cli.refactor.severalOffers': '{name} is offered at several places in {path} (lines {lines}): pick one with --at LINE',
  'cli.refactor.needsChoice': '{title}: {prompt} Answer with --choose, one of:',
  'cli.refactor.fileNotWritten': 'also changes {path} (written with --write, shown with --diff)',
  'cli.refactor.written': '{title}: wrote {path}',

  // Usage errors, after `dockwise: `.
  'cli.usage.seeHelp': 'Run "dockwise --help" for usage.',
  'cli.usage.needsValue': '{option} needs a value',
  'cli.usage.unknownOption': 'unknown option {option}',
  'cli.usage.unknownFormat': 'unknown format "{format}" (use {formats})',
  'cli.usage.unknownThreshold': 'unknown failure threshold "{threshold}" (use {thresholds})',
  'cli.usage.unknownLanguage': 'unknown language "{language}" (use {languages})',
  'cli.usage.ruleSyntax': '--rule expects ID=SEVERITY (off, error, warning, info, style), got "{value}"',
  'cli.usage.unsafeNeedsFix': '--unsafe-fixes needs --fix or --diff',
  'cli.usage.baselineWriteWithBaseline': '--baseline-write records every finding: it cannot be combined with --baseline',
  'cli.usage.baselineWriteWithDiff': '--baseline-write cannot be combined with --diff',

  // Paths, files and config, after `dockwise: `.
  'cli.files.noDockerfiles': 'no Dockerfiles found below the current folder',
  'cli.files.noMatch': '{path}: no files match',
  'cli.files.noSuchPath': '{path}: no such file or folder',
  'cli.files.noDockerfilesIn': '{path}: no Dockerfiles in this folder',
  'cli.files.notAFile': '{path}: not a file',
  'cli.files.cannotRead': '{path}: cannot read ({error})',
  'cli.files.configNotFound': '{path}: config file not found',
  'cli.files.empty': 'empty file',
  'cli.files.binary': 'binary file (contains NUL bytes), not a Dockerfile',
  'cli.files.notUtf8': 'not valid UTF-8 text',

  // Baselines.
  'cli.baseline.cannotRead': '{path}: cannot read the baseline ({error})',
  'cli.baseline.cannotWrite': '{path}: cannot write the baseline ({error})',
  'cli.baseline.notJson': 'not valid JSON ({error})',
  'cli.baseline.notBaseline': 'not a Dockwise baseline (expected {"version": 1, "findings": [...]})',
  'cli.baseline.badEntry': 'an entry is not {path, rule, fingerprint, count}: {entry}',
  'cli.baseline.recorded.one': 'recorded {count} finding in {path}',
  'cli.baseline.recorded.other': 'recorded {count} findings in {path}',

  // While linting.
  'cli.shellcheckMissing': '--shellcheck: shellcheck is not installed; skipping it',
  'cli.internalError': 'internal error in rule {rule} on {path}: {error}',
  'cli.unexpectedError': 'unexpected error: {error}',

  // The stylish report: severities as a person reads them, the fix tags and the summary line.
  'cli.severity.error': 'error',
  'cli.severity.warning': 'warning',
  'cli.severity.info': 'info',
  'cli.severity.style': 'style',
  'cli.stylish.fixTag': '[fix]',
  'cli.stylish.unsafeFixTag': '[unsafe fix]',
  'cli.stylish.problems.one': '{count} problem',
  'cli.stylish.problems.other': '{count} problems',
  'cli.stylish.errors.one': '{count} error',
  'cli.stylish.errors.other': '{count} errors',
  'cli.stylish.warnings.one': '{count} warning',
  'cli.stylish.warnings.other': '{count} warnings',
  'cli.stylish.infos': '{count} info',
  'cli.stylish.styles': '{count} style',
  'cli.stylish.counts': '{problems} ({errors}, {warnings}, {info}, {style})',
  'cli.stylish.notLinted.one': '{count} file could not be linted',
  'cli.stylish.notLinted.other': '{count} files could not be linted',
  'cli.stylish.fixable': '{count} fixable with --fix',
  'cli.stylish.fixableMore': '{count} more with --fix --unsafe-fixes',
  'cli.stylish.fixableUnsafe': '{count} fixable with --fix --unsafe-fixes',
  'cli.stylish.baselined.one': '{count} finding in the baseline not shown',
  'cli.stylish.baselined.other': '{count} findings in the baseline not shown',

  // What --fix did.
  'cli.fix.fileApplied.one': '{path}: {count} fix applied',
  'cli.fix.fileApplied.other': '{path}: {count} fixes applied',
  'cli.fix.created': 'created {path}',
  'cli.fix.notCreated': 'not created: {path} (the Dockerfile came from standard input; run --fix on the file to create it)',
  'cli.fix.fixes.one': '{count} fix',
  'cli.fix.fixes.other': '{count} fixes',
  'cli.fix.files.one': '{count} file',
  'cli.fix.files.other': '{count} files',
  'cli.fix.total': '{fixes} applied in {files}',
  'cli.fix.totalCreated': '{fixes} applied in {files}, {created} created',
});

export type CliStringId = keyof typeof CLI_STRINGS;
/** The ids with a singular and a plural, by their stem. */
type Counted<T extends string> = T extends `${infer Stem}.one` ? Stem : never;

export type CliSpeaker = ReturnType<typeof cliSpeaker>;

/** The command's texts in `locale`: `t(id, data)`, and `t.count(stem, n, data)` for the English singular or plural. */
export function cliSpeaker(locale: Locale) {
  const t = speaker(CLI_STRINGS, locale);
  const count = (stem: Counted<CliStringId>, n: number, data: Readonly<Record<string, string | number>> = {}) =>
    t(`${stem}.${n === 1 ? 'one' : 'other'}` as CliStringId, { ...data, count: n });
  return Object.assign(t, { count, locale });
}

/** Columns a terminal gives a text: two for each wide (Hangul, CJK, full-width) character. */
export function displayWidth(s: string): number {
  let width = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
      || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

/** `padEnd` by the columns a terminal shows, so a Korean column lines up like an English one. */
export function padDisplay(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}
