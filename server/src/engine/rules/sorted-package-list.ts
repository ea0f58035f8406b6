import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand, ShellWord } from '../model/shell';
import { comparePackageNames, managerCommands, movablePackage, outOfPackageOrder, PACKAGE_MANAGERS, packageCommand, packageGroups, type PackageManager } from '../model/package-managers';
import { runShell } from './support';

const { apt, apk, dnf, yum, zypper, pip } = PACKAGE_MANAGERS;
/** The managers whose install lists are judged: the distributions' (the set is installed as one transaction) and pip's. */
const JUDGED: readonly PackageManager[] = [apt, apk, dnf, yum, zypper, pip];

export default defineRule({
  meta: {
    id: 'sorted-package-list',
    aliases: {},
    counterparts: {
      tally: ['sort-packages'],
      sonar: ['S7018'],
      differences: 'Reads the install with the package manager\'s own option table (so option values such as `-t bookworm-backports` or `-r requirements.txt` are not packages), finds it inside `sh -c` and after `sudo`, and marks the fix unsafe for pip.',
    },
    category: 'style',
    status: 'stable',
    defaultSeverity: 'style',
    scope: 'stage',
    fixable: 'both',
    messages: {
      unsorted: '`{package}` should come before `{previous}`: keep the package list sorted',
      sortPackages: 'Sort the packages',
      sortPipPackages: 'Sort the packages (unsafe: pip builds source packages in the order given)',
    },
    docs: {
      summary: 'An install command whose package list is not sorted alphabetically',
      why: 'A long list of packages in a RUN is read and edited by people: sorted, a reader sees at once whether a package is there, a duplicate stands out, and two branches that each add a package merge without a conflict. The package managers of the distributions install the list as one transaction, so the order changes nothing in the image. The rule judges lists of three or more plain package names (apt, apk, dnf, yum, zypper and pip); lists with variables or quoted words are left alone. It is a style rule, off unless the `strict` profile or your configuration turns it on.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    git \\\n    curl \\\n    ca-certificates \\\n && rm -rf /var/lib/apt/lists/*\n',
          good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    ca-certificates \\\n    curl \\\n    git \\\n && rm -rf /var/lib/apt/lists/*\n',
        },
      ],
      fixSafety: 'For apt, apk, dnf, yum and zypper the fix is safe: they resolve the whole list at once. For pip it is unsafe: pip resolves the list together too, but builds and installs source packages in the order given, and a package whose build needs another one installed first can then fail.',
      references: ['https://docs.docker.com/build/building/best-practices/#sort-multi-line-arguments'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const judge = (cmd: ShellCommand, instr: Instr) => {
      const pc = packageCommand(cmd);
      if (!pc || !JUDGED.includes(pc.manager) || pc.action !== 'install' || pc.subcommand === 'module install') return;
      const words = pc.operands;
      if (words.length < 3 || !words.every(movablePackage)) return;
      for (const group of packageGroups(model.text, words)) judgeGroup(cmd, instr, pc.manager === pip, group);
    };
    const judgeGroup = (cmd: ShellCommand, instr: Instr, isPip: boolean, words: ShellWord[]) => {
      if (words.length < 3) return;
      // Over several lines, each line is a unit (`dpkg-dev dpkg` on one line is a pair the author keeps together).
      const lineOf = (w: ShellWord) => model.lines.positionAt(w.start).line;
      const multiLine = lineOf(words[0]) !== lineOf(words[words.length - 1]);
      const units = multiLine ? words.filter((w, i) => i === 0 || lineOf(words[i - 1]) !== lineOf(w)) : words;
      if (units.length < 3) return;
      const bad = units.findIndex((w, i) => i > 0 && outOfPackageOrder(units[i - 1].value, w.value));
      if (bad < 0) return;
      const sorted = [...words].sort((a, b) => comparePackageNames(a.value, b.value));
      const edits = words.map((w, i) => ({ start: w.start, end: w.end, text: sorted[i].raw })).filter((e, i) => e.text !== words[i].raw);
      // Moving words one by one would split the pairs the author put on one line.
      const oneWordLines = units.length === words.length;
      // The fix engine compares the RUN before and after as a shell script: only for shells Dockwise reads.
      const posix = instr.run?.execForm || runShell(instr)?.kind === 'posix';
      ctx.report({
        start: units[bad].start,
        end: units[bad].end,
        messageId: 'unsorted',
        data: { package: units[bad].value, previous: units[bad - 1].value },
        fixes: posix && oneWordLines ? [isPip
          ? { titleId: 'sortPipPackages', safety: 'unsafe', edits }
          : { titleId: 'sortPackages', safety: 'safe', changes: [{ kind: 'sorts-arguments', command: cmd.name }], edits }] : [],
      });
    };
    return { commands: Object.fromEntries(managerCommands(...JUDGED).map((n) => [n, judge])) };
  },
});
