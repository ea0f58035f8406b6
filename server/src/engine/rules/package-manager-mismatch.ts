import { defineRule } from '../rule';
import type { Instr, Stage } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { baseName, commandRunBy, isCommand } from '../model/commands';
import { knownDistro, rootStage } from '../model/base-images';
import { managerOf, PACKAGE_MANAGERS, type PackageManager } from '../model/package-managers';
import { installedPackages } from './support';

const { apt, apk, yum, dnf, zypper } = PACKAGE_MANAGERS;
type Distro = NonNullable<ReturnType<typeof knownDistro>>;

// The package managers each family's images have, and the one to name instead of a foreign one.
const NATIVE: Record<Distro, { managers: readonly PackageManager[]; use: string }> = {
  alpine: { managers: [apk], use: 'apk' },
  wolfi: { managers: [apk], use: 'apk' },
  debian: { managers: [apt], use: 'apt-get' },
  // yum runs on every one of them (dnf-based releases keep it as an alias).
  rhel: { managers: [yum, dnf], use: 'yum' },
};
const FOREIGN = [apt, apk, yum, dnf, zypper];
// A Debian package that brings the command with it (`apt-get install dnf`, `apk add apk-tools`).
const PACKAGE_OF: Record<string, string> = { apk: 'apk-tools' };

export default defineRule({
  meta: {
    id: 'package-manager-mismatch',
    aliases: {},
    counterparts: {
      differences: 'No other linter compares the package manager with the base image; Dockwise only reports when the image\'s distribution is certain (an `alpine` or codename tag, an official image whose every tag is of one family), follows stages built FROM other stages, and leaves out RUNs that test which manager exists or use several.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'error',
    scope: 'stage',
    messages: {
      mismatch: '`{command}` does not exist on {image}: this RUN fails. Use `{use}`, with the package names of its distribution',
    },
    docs: {
      summary: 'A package manager the base image does not have (`apt-get` on Alpine, `apk` on Debian…)',
      why: 'Each distribution has its own package manager: `apk` on Alpine and Wolfi, `apt-get` on Debian and Ubuntu, `dnf` or `yum` on Fedora, CentOS, Rocky, Alma and Amazon Linux. A RUN that calls another one fails with "not found", typically after the base image was switched (`node:22` to `node:22-alpine`) without its RUNs. Package names differ too (`build-essential` is `build-base` on Alpine), so rewrite the install for the new base. Reported only when the base image\'s distribution is certain; not when the RUN checks which manager exists (`command -v`, `if`, `||`) or uses several, nor after the stage installed that manager itself.',
      examples: [
        { bad: 'FROM node:22-alpine\nRUN apt-get update && apt-get install -y --no-install-recommends git\n', good: 'FROM node:22-alpine\nRUN apk add --no-cache git\n' },
      ],
      references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper', 'https://docs.docker.com/build/building/best-practices/#apt-get'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    // Every package-manager command of a stage asks the same question of its base image: answered once.
    const distros = new Map<Stage, ReturnType<typeof knownDistro>>();
    const distroOf = (stage: Stage) => {
      if (!distros.has(stage)) distros.set(stage, knownDistro(stage));
      return distros.get(stage);
    };
    const judge = (outer: ShellCommand, instr: Instr) => {
      const cmd = commandRunBy(outer);
      const manager = managerOf(baseName(cmd));
      if (!manager || !FOREIGN.includes(manager) || (cmd !== outer && managerOf(baseName(outer)))) return;
      const stage = instr.onbuild ? null : instr.stage;
      const distro = stage ? distroOf(stage) : undefined;
      if (!stage || !distro || NATIVE[distro].managers.includes(manager)) return;
      const cmds = instr.run!.commands;
      // A script written for several distributions: it asks which manager exists, or branches, or calls more than one.
      if (cmds.some((c) => isCommand(c, 'command', 'which', 'type', 'hash') || (c !== cmd && managerOf(baseName(c)) && FOREIGN.includes(managerOf(baseName(c))!) && managerOf(baseName(c)) !== manager))) return;
      if (/(^|[\s;&(])(if|case|elif)\s|\|\|/.test(model.text.slice(instr.run!.bodyStart, instr.end))) return;
      // One finding per RUN and manager: the first call is where it fails.
      if (cmds.some((c) => c.start < outer.start && managerOf(baseName(commandRunBy(c))) === manager)) return;
      const installed = installedPackages(model, instr, cmd);
      if (installed.has(baseName(cmd)) || installed.has(PACKAGE_OF[baseName(cmd)] ?? '')) return;
      ctx.report({
        start: cmd.nameWord.start,
        end: cmd.nameWord.end,
        messageId: 'mismatch',
        data: { command: baseName(cmd), image: rootStage(stage).image.resolved, use: NATIVE[distro].use },
      });
    };
    const names = FOREIGN.flatMap((m) => m.commands.filter((c) => c !== 'apt-cache' && c !== 'aptitude'));
    return { commands: Object.fromEntries(names.map((n) => [n, judge])) };
  },
});
