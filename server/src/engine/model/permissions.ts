// File modes as chmod, mkdir -m, install -m, `COPY --chmod` and a mount's `mode=` read them: octal (`0755`,
// `1777`) or symbolic (`u+x,go-w`). Rules ask what the "others" class (every user that neither owns the file nor
// is in its group) may do.

/** An octal mode: one to four digits 0-7. */
export const OCTAL_MODE = /^[0-7]{1,4}$/;

/** The permission bits of the "others" class an octal mode grants (r=4, w=2, x=1), or undefined when it is not octal. */
export function othersBits(mode: string): number | undefined {
  return OCTAL_MODE.test(mode) ? Number(mode[mode.length - 1]) : undefined;
}

/** An octal mode with the sticky bit (`1777`): a shared directory such as /tmp, where only a file's owner may delete it. */
export function octalSticky(mode: string): boolean {
  return OCTAL_MODE.test(mode) && mode.length === 4 && (Number(mode[0]) & 1) === 1;
}

/** The octal mode with `bits` cleared from the "others" digit (`0777` without write is `0775`). */
export function clearOthers(mode: string, bits: number): string {
  return mode.slice(0, -1) + String(Number(mode[mode.length - 1]) & ~bits);
}

/**
 * Whether a mode gives the "others" class write permission, for files that are not shared sticky directories:
 * false for a sticky mode (`1777`, `a+rwxt`), and for a symbolic clause without `o` or `a` (`+w` is filtered
 * by the umask, which keeps others' write off). Undefined when the mode is neither octal nor symbolic (a variable).
 */
export function grantsOthersWrite(mode: string): boolean | undefined {
  const bits = othersBits(mode);
  if (bits !== undefined) return (bits & 2) !== 0 && !octalSticky(mode);
  const clauses = mode.split(',');
  if (!clauses.every((c) => SYMBOLIC_CLAUSE.test(c))) return undefined;
  let writes = false;
  for (const clause of clauses) {
    const who = /^[ugoa]*/.exec(clause)![0];
    const actions = clause.slice(who.length).match(/[-+=][rwxXstugo]*/g) ?? [];
    for (const action of actions) {
      // The sticky bit anywhere makes it a shared directory.
      if (action[0] !== '-' && action.includes('t')) return false;
      if (!/[oa]/.test(who)) continue;
      if (action[0] === '-' && action.includes('w')) writes = false;
      else if (action[0] !== '-' && action.includes('w')) writes = true;
      else if (action[0] === '=') writes = false;
    }
  }
  return writes;
}

const SYMBOLIC_CLAUSE = /^[ugoa]*([-+=][rwxXstugo]*)+$/;
