// docs/format.md's options table, from the options table itself (format/options.ts): names, accepted values,
// defaults and one line each. `npm run gen` writes it between the page's markers; a test fails when it is stale.
import { DEFAULT_FORMAT_OPTIONS, FORMAT_OPTION_DOCS, FORMAT_OPTION_NAMES, formatOptionAccepts } from '../format/options';

const START = '<!-- format-options:start -->';
const END = '<!-- format-options:end -->';

export function formatOptionsTable(): string {
  // A `|` ends a table cell even inside a code span unless escaped (GitHub's tables).
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = FORMAT_OPTION_NAMES.map((name) => `| \`${name}\` | ${formatOptionAccepts(name).split(', ').map((v) => `\`${v}\``).join(', ')} | \`${String(DEFAULT_FORMAT_OPTIONS[name])}\` | ${cell(FORMAT_OPTION_DOCS[name])} |`);
  return ['| Option | Values | Default | What it does |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** `page` with the options table between its markers. */
export function withFormatOptionsTable(page: string): string {
  const a = page.indexOf(START);
  const b = page.indexOf(END);
  if (a < 0 || b < a) throw new Error('docs/format.md lacks the format-options markers');
  return page.slice(0, a + START.length) + '\n' + formatOptionsTable() + '\n' + page.slice(b);
}
