// The accounts a Dockerfile creates with useradd, adduser (Debian's and BusyBox's), addgroup, usermod and gpasswd:
// which users a stage creates, and the supplementary groups it gives them. Shared by the rules about users.
import type { Instr, Stage } from './dockerfile';
import type { ShellCommand, ShellWord } from './shell';
import { isCommand, parseArgs } from './commands';

// Flags of useradd, adduser (Debian's and BusyBox's) and usermod that take the next word as their value.
export const ACCOUNT_VALUE_FLAGS = [
  'u', 'uid', 'g', 'gid', 'G', 'groups', 'd', 'home', 'home-dir', 's', 'shell', 'c', 'comment', 'gecos', 'h', 'k', 'K', 'p',
  'b', 'e', 'f', 'l', 'login', 'R', 'root', 'P', 'prefix', 'ingroup', 'firstuid', 'lastuid', 'firstgid', 'lastgid', 'conf', 'key',
  'base-dir', 'skel', 'expiredate', 'inactive', 'password',
];

export interface CreatedUser { name: string; word: ShellWord; uid?: string; instr: Instr; cmd: ShellCommand }

/** A user this command creates: `useradd NAME`, `adduser [options] NAME` (one operand: two add a user to a group). */
export function createdUser(cmd: ShellCommand): { name: string; word: ShellWord; uid?: string } | undefined {
  if (!isCommand(cmd, 'useradd', 'adduser')) return undefined;
  const { flags, operands } = parseArgs(cmd, ACCOUNT_VALUE_FLAGS);
  if (operands.length !== 1) return undefined;
  const word = operands[0];
  if (!word.value || word.value.includes('$')) return undefined;
  const uid = flags.find((f) => f.name === 'u' || f.name === 'uid')?.value;
  return { name: word.value, word, ...(uid ? { uid } : {}) };
}

/** The users a stage (not the stages it is built FROM) creates, in order. */
export function usersCreatedIn(stage: Stage): CreatedUser[] {
  const out: CreatedUser[] = [];
  for (const instr of stage.instructions) {
    for (const cmd of instr.run?.commands ?? []) {
      const u = createdUser(cmd);
      if (u) out.push({ ...u, instr, cmd });
    }
  }
  return out;
}

/**
 * The supplementary groups this command gives `user`: `useradd -G a,b user`, `usermod -aG a user`,
 * `gpasswd -a user a`, `adduser user a` (Debian) and `addgroup user a` (BusyBox). BusyBox's `adduser -G`
 * sets the primary group, and is not one.
 */
function groupsGiven(cmd: ShellCommand, user: string): string[] {
  const split = (v: string | undefined) => (v ?? '').split(',').filter(Boolean);
  if (isCommand(cmd, 'useradd', 'usermod')) {
    const { flags, operands } = parseArgs(cmd, ACCOUNT_VALUE_FLAGS);
    if (operands[operands.length - 1]?.value !== user) return [];
    return flags.filter((f) => f.name === 'G' || f.name === 'groups').flatMap((f) => split(f.value));
  }
  if (isCommand(cmd, 'gpasswd')) {
    const { flags, operands } = parseArgs(cmd, ['a', 'add', 'd', 'delete', 'M', 'members', 'A', 'administrators']);
    return flags.some((f) => (f.name === 'a' || f.name === 'add') && f.value === user) && operands[0] ? [operands[0].value] : [];
  }
  if (isCommand(cmd, 'adduser', 'addgroup')) {
    const { operands } = parseArgs(cmd, ACCOUNT_VALUE_FLAGS);
    return operands.length === 2 && operands[0].value === user ? [operands[1].value] : [];
  }
  return [];
}

/** The supplementary groups `user` is given in `stage` and the stages it is built FROM, before `before`. */
export function supplementaryGroups(stage: Stage, user: string, before?: Instr): Set<string> {
  const groups = new Set<string>();
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    const limit = s === stage && before ? before.index : s.instructions.length;
    for (let i = 0; i < limit; i++) {
      for (const cmd of s.instructions[i].run?.commands ?? []) for (const g of groupsGiven(cmd, user)) groups.add(g);
    }
  }
  return groups;
}
