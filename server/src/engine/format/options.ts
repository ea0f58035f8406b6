// The formatter's options: their names, the values each takes and the defaults, in one table that the engine,
// `.dockwise.yaml`'s `format:` section, the command line and the editor settings all read. The defaults are chosen
// so that formatting can be turned on for save in any repository: where a file already has a consistent habit
// (its continuation indent, where it puts `&&`), `auto` keeps it, and nothing that changes many lines of a
// well-kept file by taste alone is on by default.

export interface FormatOptions {
  /** Instruction keywords: `upper` (FROM), `lower` (from), or `preserve` each as written. */
  keywordCase: 'upper' | 'lower' | 'preserve';
  /** Continuation lines' indent: `auto` (the file's most common one, else 4 spaces), `tab`, or a number of spaces. */
  indent: 'auto' | 'tab' | number;
  /** Where `&&`, `||` and `|` go when a RUN is broken over lines: `auto` (the file's majority), `start`, `end`, `preserve`. */
  operators: 'auto' | 'start' | 'end' | 'preserve';
  /** Line-continuation backslashes lined up in one column (true) or one space after the text (false). */
  alignBackslashes: boolean;
  /** Exec-form JSON arrays printed as `["a", "b"]` (`normal`) or left as written (`preserve`). */
  execForm: 'normal' | 'preserve';
  /** `ENV`/`LABEL`/`ARG` values: quotes removed where they change nothing (`as-needed`) or kept as written (`preserve`). */
  quoteValues: 'as-needed' | 'preserve';
  /** The legacy `ENV key value` form rewritten as `ENV key=value`. */
  keyValueForm: boolean;
  /** Blank lines: runs of them collapsed to one and one before each stage after the first (`normal`), or `preserve`. */
  blankLines: 'normal' | 'preserve';
  /** Trailing spaces and tabs removed from every line outside heredoc bodies. */
  trimTrailingWhitespace: boolean;
  /** The file ends with exactly one line break. */
  finalNewline: boolean;
  /** The packages of an install command sorted by name. */
  sortPackages: boolean;
  /** The packages of an install command one per continuation line. */
  onePackagePerLine: boolean;
}

export type FormatOptionName = keyof FormatOptions;

/** What each option accepts: a list of words, `boolean`, or `indent` (`auto`, `tab` or 1 to 8 spaces). */
export const FORMAT_OPTION_VALUES: { readonly [K in FormatOptionName]: readonly string[] | 'boolean' | 'indent' } = {
  keywordCase: ['upper', 'lower', 'preserve'],
  indent: 'indent',
  operators: ['auto', 'start', 'end', 'preserve'],
  alignBackslashes: 'boolean',
  execForm: ['normal', 'preserve'],
  quoteValues: ['as-needed', 'preserve'],
  keyValueForm: 'boolean',
  blankLines: ['normal', 'preserve'],
  trimTrailingWhitespace: 'boolean',
  finalNewline: 'boolean',
  sortPackages: 'boolean',
  onePackagePerLine: 'boolean',
};

export const DEFAULT_FORMAT_OPTIONS: Readonly<FormatOptions> = Object.freeze({
  keywordCase: 'upper',
  indent: 'auto',
  operators: 'auto',
  alignBackslashes: false,
  execForm: 'normal',
  quoteValues: 'preserve',
  keyValueForm: true,
  blankLines: 'normal',
  trimTrailingWhitespace: true,
  finalNewline: true,
  sortPackages: false,
  onePackagePerLine: false,
});

export const FORMAT_OPTION_NAMES = Object.keys(FORMAT_OPTION_VALUES) as FormatOptionName[];

export function isFormatOptionName(name: string): name is FormatOptionName {
  return Object.prototype.hasOwnProperty.call(FORMAT_OPTION_VALUES, name);
}

/**
 * `value` read as option `name`'s value (from YAML, JSON settings or a command-line word), or undefined when the
 * option does not take it. Command-line words arrive as strings: `true`, `false` and digits are read as such.
 */
export function formatOptionValue<K extends FormatOptionName>(name: K, value: unknown): FormatOptions[K] | undefined {
  const accepts = FORMAT_OPTION_VALUES[name];
  if (accepts === 'boolean') {
    if (typeof value === 'boolean') return value as FormatOptions[K];
    if (value === 'true' || value === 'false') return (value === 'true') as FormatOptions[K];
    return undefined;
  }
  if (accepts === 'indent') {
    if (value === 'auto' || value === 'tab') return value as FormatOptions[K];
    const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : NaN;
    return Number.isInteger(n) && n >= 1 && n <= 8 ? (n as FormatOptions[K]) : undefined;
  }
  return typeof value === 'string' && accepts.includes(value) ? (value as FormatOptions[K]) : undefined;
}

/** The values option `name` accepts, for messages: `upper, lower, preserve`. */
export function formatOptionAccepts(name: FormatOptionName): string {
  const accepts = FORMAT_OPTION_VALUES[name];
  if (accepts === 'boolean') return 'true, false';
  if (accepts === 'indent') return 'auto, tab, 1-8';
  return accepts.join(', ');
}

/** The defaults with `overrides` on top (undefined entries ignored). */
export function resolveFormatOptions(...overrides: Array<Partial<FormatOptions> | undefined>): FormatOptions {
  const out: FormatOptions = { ...DEFAULT_FORMAT_OPTIONS };
  for (const o of overrides) {
    if (!o) continue;
    for (const name of FORMAT_OPTION_NAMES) if (o[name] !== undefined) (out as unknown as Record<string, unknown>)[name] = o[name];
  }
  return out;
}

/**
 * What each option does, in one line, for docs/format.md's table (generated by scripts/generate-docs.mjs with the
 * accepted values and the defaults above) and for help that lists the options.
 */
export const FORMAT_OPTION_DOCS: { readonly [K in FormatOptionName]: string } = {
  keywordCase: 'Instruction keywords upper case (`FROM`), lower case (`from`), or each as written.',
  indent: 'Continuation lines\' indent: `auto` keeps the file\'s most common one (else the editor\'s, else 4 spaces), `tab`, or a number of spaces.',
  operators: 'Where `&&`, `||` and `|` go when a RUN is broken over lines: `auto` follows the file\'s majority; `start` or `end` of the line; `preserve` leaves them.',
  alignBackslashes: 'Line-continuation backslashes lined up in one column (`true`) or one space after the text (`false`).',
  execForm: 'Exec-form JSON arrays printed as `["a", "b"]` (`normal`) or left as written.',
  quoteValues: '`ENV`, `LABEL` and `ARG` values: quotes removed where they change nothing (`as-needed`) or kept as written.',
  keyValueForm: 'The legacy `ENV key value` form rewritten as `ENV key=value`.',
  blankLines: 'Runs of blank lines collapsed to one, and one blank line before each stage after the first (`normal`), or left as written.',
  trimTrailingWhitespace: 'Trailing spaces and tabs removed from every line outside heredoc bodies.',
  finalNewline: 'The file ends with exactly one line break.',
  sortPackages: 'The packages of an install command (`apt-get install`, `apk add`, …) sorted by name.',
  onePackagePerLine: 'The packages of an install command one per continuation line.',
};
