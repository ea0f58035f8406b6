import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { baseName, isCommand, parseArgs, type ParsedFlag } from '../model/commands';
import { DOWNLOADERS } from '../data/downloaders';
import { frontendAllows, isPlainShellRun } from './support';

/** tar options that take a value, and those `ADD --unpack` does the same as (extract, decompress, target, verbosity). */
const TAR_VALUE_FLAGS = ['f', 'file', 'C', 'directory', 'strip-components', 'exclude', 'transform', 'owner', 'group', 'mode', 'T', 'files-from', 'X', 'exclude-from', 'I', 'use-compress-program'];
const TAR_PLAIN_FLAGS = ['x', 'extract', 'get', 'z', 'gzip', 'gunzip', 'J', 'xz', 'j', 'bzip2', 'f', 'file', 'C', 'directory', 'v', 'verbose', 'o', 'no-same-owner'];

/** A URL ADD can fetch: http(s), no shell expansion other than `$NAME`/`${NAME}` (ADD expands ARG and ENV itself). */
const plainUrl = (raw: string) => /^["']?https?:\/\/[^\s'"`()]+["']?$/.test(raw) && !/\$\(|`/.test(raw);
const plainPath = (value: string) => /^[A-Za-z0-9_./${}-]+$/.test(value);

const allowed = (flags: ParsedFlag[], plain: readonly string[]) => flags.every((f) => plain.includes(f.name));

export default defineRule({
  meta: {
    id: 'prefer-add-unpack',
    aliases: {},
    counterparts: {
      tally: ['prefer-add-unpack'],
      differences: 'Suggests ADD only when it can do the same: a plain http(s) URL, only curl or wget options ADD has no need of, and a tar that extracts everything (no `--strip-components`, no member list) into one directory.',
    },
    category: 'cache',
    status: 'preview',
    defaultSeverity: 'info',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      downloadAndUnpack: '`{downloader} | tar` downloads and unpacks an archive in a RUN: `ADD --unpack=true` does both, without needing {downloader} or tar in the image',
      useAddUnpack: 'Replace with ADD --unpack=true (unsafe: needs the Dockerfile 1.17 frontend; BuildKit fetches and caches the download)',
    },
    docs: {
      summary: 'A RUN that pipes a download into tar, where `ADD --unpack=true` does the same',
      why: '`curl -fsSL <url> | tar -xz -C <dir>` needs curl and tar in the image, runs again whenever an earlier layer changes, and with `sh` (no `pipefail`) a failed download can pass unnoticed. Since the Dockerfile 1.17 frontend, `ADD --unpack=true <url> <dir>` fetches the archive and extracts it into the directory in one step that BuildKit caches by the download\'s content, and it fails when the download fails. Pair it with `--checksum` to pin what is fetched. The rule only reports what ADD can do the same way: a plain http(s) URL, no custom headers or credentials, and a tar that extracts the whole archive into one directory.',
      examples: [
        {
          bad: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/tool-1.2.3-linux-amd64.tar.gz | tar -xz -C /usr/local/bin\n',
          good: 'FROM debian:12-slim\nADD --unpack=true https://example.com/tool-1.2.3-linux-amd64.tar.gz /usr/local/bin/\n',
        },
      ],
      fixSafety: 'The fix needs the Dockerfile 1.17 frontend or later (a `# syntax=docker/dockerfile:1` directive fetches it; the legacy builder rejects the flag). BuildKit then downloads the file itself: without the RUN\'s network settings or proxy variables set in the Dockerfile, and cached by content rather than re-run with the layer. Files are extracted as ADD extracts them (owned by root unless `--chown` is given), where tar run as root would keep the archive\'s owners. It is offered only when the RUN holds nothing but the pipe.',
      references: ['https://docs.docker.com/reference/dockerfile/#add---unpack', 'https://docs.docker.com/reference/dockerfile/#add---checksum'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const judge = (dl: ShellCommand, instr: Instr) => {
      // Only curl and wget themselves (not `sudo curl`), in a two-stage pipe into tar.
      if (dl.pipeline === undefined || dl.nested || !isCommand(dl, 'curl', 'wget') || instr.onbuild) return;
      const script = instr.run?.scripts.find((s) => s.commands.includes(dl));
      const pipe = script?.pipelines.find((p) => p.id === dl.pipeline);
      if (!script || !pipe || pipe.stages.length !== 2 || pipe.stages[0].start !== dl.start) return;
      const tar = script.commands.find((c) => c.start === pipe.stages[1].start && !c.nested);
      if (!tar || !isCommand(tar, 'tar')) return;
      const tool = DOWNLOADERS[baseName(dl) as 'curl' | 'wget'];
      const dlArgs = parseArgs(dl, tool.valueFlags);
      const out = dlArgs.flags.find((f) => tool.outputFlags.includes(f.name));
      // The download goes to standard output: curl without -o (or `-o -`), wget with `-O -`.
      const toStdout = baseName(dl) === 'curl' ? !out || out.value === '-' : out?.value === '-';
      if (!toStdout || !allowed(dlArgs.flags, tool.plainFlags) || dlArgs.operands.length !== 1 || !plainUrl(dlArgs.operands[0].raw)) return;
      // `tar xzf -`: the old form, letters without a dash, as its first word.
      const tarWords = tar.args.length && /^[A-Za-z]+$/.test(tar.args[0].value) && !tar.args[0].quoted ? [{ ...tar.args[0], value: `-${tar.args[0].value}` }, ...tar.args.slice(1)] : tar.args;
      const tarArgs = parseArgs({ ...tar, args: tarWords }, TAR_VALUE_FLAGS);
      const file = tarArgs.flags.find((f) => f.name === 'f' || f.name === 'file');
      if (!tarArgs.flags.some((f) => f.name === 'x' || f.name === 'extract' || f.name === 'get') || (file && file.value !== '-')) return;
      if (!allowed(tarArgs.flags, TAR_PLAIN_FLAGS) || tarArgs.operands.length) return;
      const dirFlag = tarArgs.flags.filter((f) => f.name === 'C' || f.name === 'directory');
      if (dirFlag.length > 1 || (dirFlag[0] && !plainPath(dirFlag[0].value ?? ''))) return;
      const url = dlArgs.operands[0].raw;
      const dir = dirFlag[0]?.value ?? '.';
      const downloader = baseName(dl);
      // The whole RUN is the pipe: it becomes one ADD.
      const alone = isPlainShellRun(instr) && !instr.flags.length && script.topLevelCount === 1 && script.commands.length === 2 && !model.commentsBetween(instr.start, instr.end).length;
      const fix = alone && frontendAllows(model, 17)
        ? [{ titleId: 'useAddUnpack', safety: 'unsafe' as const, edits: [{ start: instr.keywordStart, end: instr.end, text: `ADD --unpack=true ${url} ${dir.endsWith('/') ? dir : `${dir}/`}` }] }]
        : [];
      ctx.report({ start: dl.start, end: tar.end, messageId: 'downloadAndUnpack', data: { downloader }, fixes: fix });
    };
    return { commands: { curl: judge, wget: judge } };
  },
});
