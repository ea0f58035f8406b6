import { defineRule } from '../rule';
import type { Instr, Stage } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { officialName } from '../model/image-lifecycle';
import { rootStage, systemRelease } from '../model/base-images';
import { managerCommands, packageCommand, PACKAGE_MANAGERS } from '../model/package-managers';
import { installedPackages } from './support';

const PIP = PACKAGE_MANAGERS.pip;
// The first releases whose python3 carries an EXTERNALLY-MANAGED marker (PEP 668).
const MARKED_FROM = { debian: 12, ubuntu: 23.04 };
// Options that install somewhere else than the system's site-packages (pip then skips the check), or nothing.
const ELSEWHERE = ['t', 'target', 'prefix', 'root', 'dry-run'];
// Images with a Python of their own ahead of the system's on PATH (the official python image's /usr/local).
const OWN_PYTHON = /python|pypy|conda|mamba|jupyter|pytorch|tensorflow/i;
// Anything in the stage that makes pip's check moot: a virtual environment, the override (also in a pip.conf copied
// in), the marker removed, another installer.
const WAY_AROUND = /\bvenv\b|virtualenv|VIRTUAL_ENV|\/activate\b|break-system-packages|BREAK_SYSTEM_PACKAGES|EXTERNALLY-MANAGED|pip\.conf|PIP_CONFIG_FILE|\bconda\b|\buv\b|\bpipx\b/;

/** The text of the instructions of `instr`'s stage and the stages it is built FROM, up to `instr`. */
function textBefore(text: string, stage: Stage, instr: Instr): string {
  const parts: string[] = [];
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    for (const i of s.instructions) if (s !== stage || i.start <= instr.start) parts.push(text.slice(i.start, i.end));
  }
  return parts.join('\n');
}

export default defineRule({
  meta: {
    id: 'pip-externally-managed',
    aliases: {},
    counterparts: {
      differences: 'No other linter knows PEP 668; Dockwise reports only where it is sure pip is the distribution\'s (python3-pip installed on Debian 12+ or Ubuntu 23.04+, not the official python images) and nothing in the stage gets around the check (a venv, `--break-system-packages`, `PIP_BREAK_SYSTEM_PACKAGES`, `--target`).',
    },
    category: 'correctness',
    status: 'preview',
    defaultSeverity: 'error',
    scope: 'stage',
    messages: {
      externallyManaged: '`{command}` is refused on {image}: its system Python is externally managed (PEP 668) and pip stops with "externally-managed-environment". Install into a virtual environment, or the distribution\'s `python3-…` package',
    },
    docs: {
      summary: '`pip install` into the system Python of Debian 12+ or Ubuntu 23.04+ (PEP 668)',
      why: 'From Debian 12 (bookworm) and Ubuntu 23.04 on, the system Python is marked EXTERNALLY-MANAGED: `pip install` (with `--user` too) stops with "error: externally-managed-environment" so that pip does not overwrite files apt owns, and the RUN fails. Create a virtual environment (`python3 -m venv /opt/venv` and put `/opt/venv/bin` first on PATH), install the distribution\'s package (`apt-get install python3-requests`), or, in a throwaway build stage, pass `--break-system-packages`. The official `python` images are not affected: their Python in /usr/local is not marked. Reported only where pip is certainly the distribution\'s: `python3-pip` installed by apt in the stage.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-pip && rm -rf /var/lib/apt/lists/*\nRUN pip3 install --no-cache-dir requests\n',
          good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3-venv && rm -rf /var/lib/apt/lists/*\nRUN python3 -m venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nRUN pip install --no-cache-dir requests\n',
        },
      ],
      references: ['https://peps.python.org/pep-0668/', 'https://www.debian.org/releases/bookworm/amd64/release-notes/ch-information.en.html#python3-pep-668'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const judge = (cmd: ShellCommand, instr: Instr) => {
      const pc = packageCommand(cmd);
      if (pc?.manager !== PIP || pc.action !== 'install' || instr.onbuild || !instr.stage) return;
      // A pip run by its path (`/opt/venv/bin/pip`) is not the system's unless it is in /usr/bin.
      if (pc.nameWord.value.includes('/') && !pc.nameWord.value.startsWith('/usr/bin/')) return;
      if (pc.flags.some((f) => ELSEWHERE.includes(f.name) || (f.long && f.name.length >= 7 && 'break-system-packages'.startsWith(f.name)))) return;
      if (pc.cmd.assignments.some((a) => a.name === 'PIP_BREAK_SYSTEM_PACKAGES')) return;
      const stage = instr.stage;
      const release = systemRelease(stage);
      if (!release || release.version < MARKED_FROM[release.distro]) return;
      const image = rootStage(stage).image;
      if (officialName(image) === 'python' || OWN_PYTHON.test(image.name)) return;
      if (!installedPackages(model, instr, pc.cmd).has('python3-pip')) return;
      if (WAY_AROUND.test(textBefore(model.text, stage, instr))) return;
      const install = pc.sub[0];
      ctx.report({ start: pc.nameWord.start, end: install.end, messageId: 'externallyManaged', data: { command: model.text.slice(pc.nameWord.start, install.end), image: image.resolved } });
    };
    return { commands: Object.fromEntries(managerCommands(PIP).map((n) => [n, judge])) };
  },
});
