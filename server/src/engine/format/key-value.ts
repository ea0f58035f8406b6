// The legacy `ENV name value` (and LABEL) written as `name=value`: the formatter's keyValueForm and the fix of the
// legacy-key-value-format rule make the same rewrite, from here.
import type { DockerfileModel, Instr, InstructionProperty } from '../model/dockerfile';
import type { OffsetEdit } from '../types';

/** The value written for `key=value` form, or undefined when the conversion is not mechanical. */
export function asKeyValue(raw: string): string | undefined {
  // A stray quote (`value"`) would open a string in key=value form that never closes.
  if (!/\s/.test(raw)) return /^[^"']*$/.test(raw) || /^"[^"\\]*"$/.test(raw) || /^'[^']*'$/.test(raw) ? raw : undefined;
  // Whitespace only inside one pair of quotes: already a single word.
  if (/^"[^"\\]*"$/.test(raw) || /^'[^']*'$/.test(raw)) return raw;
  // Quotes, escapes and expansions read differently inside the double quotes the key=value form needs.
  if (/["'\\`$]/.test(raw)) return undefined;
  return `"${raw}"`;
}

/**
 * The edit that writes the legacy pair `p` of `instr` as `name=value`, or undefined when `p` is not legacy or the
 * rewrite is not mechanical: the pair goes over lines, text follows it, or its name would read differently (quotes,
 * blanks, a leading `-`, `#` or `$`).
 */
export function keyValueEdit(model: DockerfileModel, instr: Instr, p: InstructionProperty): OffsetEdit | undefined {
  const { text } = model;
  if (p.assignment || p.valueStart === undefined || p.valueEnd === undefined || p.value?.startsWith('=')) return undefined;
  // Docker splits the legacy form at the first whitespace: a name with quotes or spaces in it (`ENV "a b" c`) is not
  // the name dockerfile-ast sees, so there is nothing mechanical to write; a name Docker would read as a flag
  // (`ENV --flag x`) has no key=value form.
  const name = text.slice(p.nameStart, p.nameEnd);
  if (/[\s"'#$]/.test(name) || name.startsWith('-')) return undefined;
  // Across a continuation the edit would delete the comment lines inside it: one-line pairs only. Only blanks may
  // stand between the name and the value (an escape there is part of the value to Docker).
  if (/[\r\n]/.test(text.slice(p.nameEnd, p.valueEnd)) || !/^[ \t]+$/.test(text.slice(p.nameEnd, p.valueStart))) return undefined;
  if (/\S/.test(text.slice(p.valueEnd, instr.end))) return undefined;
  const value = asKeyValue(text.slice(p.valueStart, p.valueEnd));
  return value === undefined ? undefined : { start: p.nameEnd, end: p.valueEnd, text: `=${value}` };
}
