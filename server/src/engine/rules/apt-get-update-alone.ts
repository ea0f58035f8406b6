import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { packageCommand, PACKAGE_MANAGERS, readsIndex } from '../model/package-managers';
import { invokedShell } from '../model/shells';
import { canMerge, mergeRisk, mergeRunsEdits, nextInStage } from './support';

const APT = PACKAGE_MANAGERS.apt;

export function aptUpdate(cmd: ShellCommand): boolean {
  const pc = packageCommand(cmd);
  return pc?.manager === APT && pc.action === 'update';
}

/** An apt command that uses the index `apt-get update` downloads (install, upgrade, `apt-cache policy` …). */
function aptReadsIndex(cmd: ShellCommand): boolean {
  const pc = packageCommand(cmd);
  return pc?.manager === APT && readsIndex(pc);
}

/**
 * A command that runs a script whose commands Dockwise cannot see: `./install.sh`, `/usr/local/bin/setup`,
 * `bash deps.sh`, `. /env.sh`. Programs in the system directories are not scripts of the Dockerfile's own.
 */
function runsScript(cmd: ShellCommand): boolean {
  if (packageCommand(cmd)) return false;
  const shell = invokedShell(cmd.name, cmd.args);
  if (shell) {
    const args = cmd.name.endsWith('busybox') ? cmd.args.slice(1) : cmd.args;
    return !args.some((a) => /^-[a-z]*c[a-z]*$/.test(a.value)) && args.some((a) => !a.value.startsWith('-'));
  }
  if ((cmd.name === '.' || cmd.name === 'source') && cmd.args.length > 0) return true;
  return (cmd.name.includes('/') && !/^\/(usr\/)?s?bin\//.test(cmd.name)) || /\.(sh|bash)$/.test(cmd.name);
}

/** A RUN that refreshes the apt index but installs or upgrades nothing with it (as far as its text shows). */
export function isAptUpdateOnlyRun(instr: Instr): boolean {
  const cmds = instr.run?.commands ?? [];
  const update = cmds.findIndex(aptUpdate);
  if (update < 0) return false;
  // A script it runs afterwards may well install.
  return !cmds.some(aptReadsIndex) && !cmds.slice(update + 1).some(runsScript);
}

export default defineRule({
  meta: {
    id: 'apt-get-update-alone',
    aliases: {},
    counterparts: {
      checkov: ['CKV_DOCKER_5'],
      trivy: ['DS-0017'],
      kics: ['Update Instruction Alone'],
      differences: 'Judges each RUN with a shell parser (Checkov compares counts across the whole file), covers apt-get only, and offers a fix that merges the update into the next RUN that installs.',
    },
    category: 'cache',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'both',
    messages: {
      updateAlone: '`apt-get update` without an install in the same RUN: a cached index goes stale and later installs fail',
      mergeWithInstall: 'Merge with the next RUN that installs',
      mergeWithInstallUnsafe: 'Merge with the next RUN that installs (unsafe: {risk})',
      riskShellState: 'shell state carries over',
      riskPowershellState: 'PowerShell variables and location carry over',
      riskPowershellRunsOn: "joined with ';', Windows PowerShell runs on after a failed command, and PowerShell variables and location carry over",
    },
    docs: {
      summary: '`apt-get update` in a RUN that installs nothing',
      why: 'The layer cache keeps the RUN with `apt-get update` as long as its text is unchanged. When a later RUN changes its package list, it installs against the months-old cached index: packages fail to download or come out stale. Update and install in the same RUN.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
          good: 'FROM debian:12-slim\nRUN apt-get update && \\\n    apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
        },
      ],
      fixSafety: 'The fix merges the update into the next RUN that installs. It is unsafe when the update\'s RUN leaves shell state behind (cd, export, an assignment, set) that the install would then run under.',
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const judge = (instr: Instr) => {
      if (!isAptUpdateOnlyRun(instr)) return;
      const update = instr.run!.commands.find(aptUpdate)!;
      const next = instr.onbuild ? undefined : nextInStage(instr);
      const installs = next?.run?.commands.some(aptReadsIndex);
      const edits = next && installs && canMerge(model, instr, next) ? mergeRunsEdits(model, [instr, next]) : undefined;
      const risk = edits && next ? mergeRisk([instr, next]) : undefined;
      ctx.report({
        start: update.start,
        end: update.end,
        messageId: 'updateAlone',
        fixes: edits ? [{ ...(risk ? { titleId: 'mergeWithInstallUnsafe', data: { risk } } : { titleId: 'mergeWithInstall' }), safety: risk ? 'unsafe' : 'safe', changes: [{ kind: 'merges-runs' }], edits }] : [],
      });
    };
    return {
      // Not apt-cache: it has no `update` (the command fails), so a RUN of `apt-cache update` updates nothing.
      runs: { 'apt-get': judge, apt: judge, aptitude: judge },
    };
  },
});
