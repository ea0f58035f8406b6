// Dockerfile variable substitution: $X, ${X}, ${X:-default}, ${X-default}, ${X:+alt}, ${X+alt}, and escaped \$.

/** `start`/`end` span the whole `$X` or `${…}`; `nameStart` is where the name itself starts. */
export interface VariableReference { name: string; start: number; end: number; nameStart: number; modifier?: string; word?: string }

const REF = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+?])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Every `$X` / `${X…}` in `text`, skipping escaped dollars. Offsets are relative to `text`. */
export function findVariables(text: string, escapeChar = '\\'): VariableReference[] {
  const refs: VariableReference[] = [];
  REF.lastIndex = 0;
  for (let m = REF.exec(text); m; m = REF.exec(text)) {
    if (m.index > 0 && text[m.index - 1] === escapeChar) continue;
    refs.push({ name: m[1] ?? m[4], start: m.index, end: m.index + m[0].length, nameStart: m.index + (m[1] !== undefined ? 2 : 1), modifier: m[2], word: m[3] });
  }
  return refs;
}

export interface Resolved { value: string; unresolved: string[] }

/**
 * Substitutes variables with `lookup` (undefined = not set). Unset variables without a default expand to ''
 * and are listed in `unresolved`, as BuildKit does.
 */
export function substitute(text: string, lookup: (name: string) => string | undefined, escapeChar = '\\'): Resolved {
  const unresolved: string[] = [];
  let out = '';
  let last = 0;
  for (const ref of findVariables(text, escapeChar)) {
    out += text.slice(last, ref.start);
    last = ref.end;
    const v = lookup(ref.name);
    const set = v !== undefined;
    const nonEmpty = set && v !== '';
    switch (ref.modifier) {
      case ':-': out += nonEmpty ? v : substitute(ref.word ?? '', lookup, escapeChar).value; break;
      case '-': out += set ? v : substitute(ref.word ?? '', lookup, escapeChar).value; break;
      case ':+': out += nonEmpty ? substitute(ref.word ?? '', lookup, escapeChar).value : ''; break;
      case '+': out += set ? substitute(ref.word ?? '', lookup, escapeChar).value : ''; break;
      default:
        if (!set) unresolved.push(ref.name);
        out += v ?? '';
    }
  }
  out += text.slice(last);
  return { value: out, unresolved };
}

/** `text` with single-quoted parts blanked: Docker does not expand `$X` inside single quotes. */
export function withoutSingleQuoted(text: string, escapeChar: string): string {
  // Most words have no quote: the text as it is. Otherwise slices, not a string grown a character at a time
  // (a 1 MB word made the garbage collector the slowest part of the lint).
  if (!text.includes("'")) return text;
  const parts: string[] = [];
  let from = 0;
  let inDouble = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escapeChar && i + 1 < text.length) { i++; continue; }
    if (c === '"') inDouble = !inDouble;
    else if (c === "'" && !inDouble) {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? text.length : close + 1;
      parts.push(text.slice(from, i), ' '.repeat(end - i));
      from = end;
      i = end - 1;
    }
  }
  parts.push(text.slice(from));
  return parts.join('');
}
