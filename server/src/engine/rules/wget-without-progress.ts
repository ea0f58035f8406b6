import { defineRule, type FixInput } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { isCommand } from '../model/commands';
import { distroFamily, rootStage } from '../model/base-images';
import { installedPackages } from './support';
import type { DockerfileModel } from '../model/dockerfile';

// Short options of GNU wget that take a value (the rest of a cluster after them is that value).
const SHORT_VALUE = new Set('OoaetTwUPBilDRAIXQY'.split(''));

/** wget already controls its output: --progress, -q/--quiet, -nv/--no-verbose, -o/--output-file, -a/--append-output. */
function quietEnough(cmd: ShellCommand): boolean {
  for (const w of cmd.args) {
    const v = w.value;
    if (w.quoted && !v.startsWith('-')) continue;
    if (v === '--') break;
    if (/^--(progress|quiet|no-verbose|output-file|append-output)(=|$)/.test(v)) return true;
    if (v === '-nv') return true;
    if (/^-[^-]/.test(v) && !v.startsWith('-n')) {
      for (const c of v.slice(1)) {
        if (c === 'q' || c === 'o' || c === 'a') return true;
        if (SHORT_VALUE.has(c)) break;
      }
    }
  }
  return false;
}

/**
 * GNU wget, which has --progress, ships with Debian-, Ubuntu- and RHEL-based images. BusyBox wget (Alpine)
 * has no such option and fails on it, so the fix is offered only where wget is known to be GNU's: on those
 * images, or after the wget package is installed.
 */
function gnuWget(model: DockerfileModel, instr: Instr, cmd: ShellCommand): boolean {
  const stage = instr.onbuild?.stage ?? instr.stage;
  return !!stage && (['debian', 'rhel'].includes(distroFamily(rootStage(stage).image)) || installedPackages(model, instr, cmd).has('wget'));
}

/**
 * BusyBox's wget (Alpine's, unless the wget package is installed first) has no --progress option and draws a
 * single progress bar: there is nothing to report.
 */
function busyboxWget(model: DockerfileModel, instr: Instr, cmd: ShellCommand): boolean {
  const stage = instr.onbuild?.stage ?? instr.stage;
  return !!stage && distroFamily(rootStage(stage).image) === 'alpine' && !installedPackages(model, instr, cmd).has('wget');
}

export default defineRule({
  meta: {
    id: 'wget-without-progress',
    aliases: { hadolint: 'DL3047' },
    counterparts: {
      tally: ['hadolint/DL3047'],
    },
    category: 'style',
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    fixable: 'safe',
    messages: {
      noProgress: '`wget` without a progress option floods the build log',
      addProgress: 'Add --progress=dot:giga',
    },
    docs: {
      summary: '`wget` without a progress option',
      why: 'Without a terminal, wget prints a progress line every few kilobytes: a large download fills the build log with thousands of lines and hides the output that matters. `--progress=dot:giga` prints one dot per megabyte-sized chunk; `-nv` prints one line per file. (Avoid `-q`: it also hides the error message when the download fails.) BusyBox wget (Alpine\'s own) has no `--progress` option and draws a single progress bar, so an Alpine stage is only reported when it installs GNU wget.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN wget https://example.com/tool.tar.gz\n', good: 'FROM debian:12-slim\nRUN wget --progress=dot:giga https://example.com/tool.tar.gz\n' },
      ],
      references: ['https://www.gnu.org/software/wget/manual/wget.html#Logging-and-Input-File-Options'],
    },
  },
  create(ctx) {
    return {
      commands: {
        wget(cmd, instr) {
          // Also called for what runs wget (`sudo wget …`, `xargs wget …`): only wget itself is judged.
          if (!isCommand(cmd, 'wget') || quietEnough(cmd) || busyboxWget(ctx.model, instr, cmd)) return;
          const fixes: FixInput[] = !gnuWget(ctx.model, instr, cmd) ? [] : [{ titleId: 'addProgress', safety: 'safe', changes: [{ kind: 'adds-arguments', command: cmd.name, args: ['--progress=dot:giga'] }], edits: [{ start: cmd.nameWord.end, end: cmd.nameWord.end, text: ' --progress=dot:giga' }] }];
          ctx.report({ start: cmd.nameWord.start, end: cmd.nameWord.end, messageId: 'noProgress', fixes });
        },
      },
    };
  },
});
