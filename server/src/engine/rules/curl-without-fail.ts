import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { baseName, commandRunBy, isCommand } from '../model/commands';
import { curlArgs, curlFailsOnHttpError } from '../model/curl';
import { pipefailAt } from './support';

// A redirection of standard output right after the command: `> file`, `1> file`, `>> file`, `&> file`, `>| file`.
const STDOUT_REDIRECT = /^(?:[ \t]|\\\r?\n)*(?:1?>>?|&>>?|>\|)[ \t]*([^\s;&|)]+)/;

/** A command that rejects an error page on its input, so the RUN fails anyway: an extracting tar, a decompressor, gpg reading a key. */
function rejectsErrorPage(c: ShellCommand): boolean {
  const words = c.args.map((a) => a.value);
  if (isCommand(c, 'tar', 'bsdtar')) return /^-?[A-Za-z]*x/.test(words[0] ?? '') || words.some((w) => w === '--extract' || w === '--get' || /^-[A-Za-z]*x[A-Za-z]*$/.test(w));
  if (isCommand(c, 'gunzip', 'zcat', 'unxz', 'xzcat', 'bunzip2', 'bzcat', 'unzstd', 'zstdcat', 'lzcat', 'unlzma', 'unzip', 'funzip', 'busybox')) return true;
  if (isCommand(c, 'gzip', 'xz', 'bzip2', 'zstd', 'lzma')) return words.some((w) => w === '--decompress' || /^-[A-Za-z]*d/.test(w));
  if (isCommand(c, 'gpg', 'gpg2')) return words.some((w) => w === '--import' || w === '--dearmor' || w === '--dearmour');
  if (isCommand(c, 'apt-key')) return words.includes('add');
  if (isCommand(c, 'md5sum', 'sha1sum', 'sha256sum', 'sha512sum', 'shasum')) return words.some((w) => w === '--check' || /^-[A-Za-z]*c/.test(w));
  return isCommand(c, 'rpm', 'dpkg');
}

export default defineRule({
  meta: {
    id: 'curl-without-fail',
    aliases: {},
    counterparts: {
      differences: 'Reads curl\'s options as curl does (`-fsSL` clusters, `-o file`, `--no-fail`), looks only at downloads whose body is kept (`-o`, `-O`, `> file`) or piped on under pipefail, and leaves out pipes into a command that rejects an error page by itself (`tar x`, `gpg --import`) and downloads whose status is checked with `-w %{http_code}`.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      savesErrorPage: '`curl` without `-f` saves an HTTP error page (404, 500…) as if it were the file, and the RUN goes on',
      pipesErrorPage: '`curl` without `-f` passes an HTTP error page (404, 500…) to `{consumer}` as if it were the download',
      addFail: 'Add -f (unsafe: the build then stops on an HTTP error)',
    },
    docs: {
      summary: '`curl` without `-f` writing its download to a file or a pipe',
      why: 'Without `-f` (`--fail`), curl treats an HTTP error as a success: the server\'s 404 or 500 page is written to the output file or the pipe and curl exits 0. The build goes on with an HTML page where a binary, an archive or a script was expected, and fails later with a puzzling error, or not at all: the image ships a broken file. With `-f` curl exits 22 on an HTTP error and the RUN stops where the problem is. (`--fail-with-body` also fails, and keeps the page for the log.) Not reported: downloads to `/dev/null` or whose status is checked with `-w \'%{http_code}\'`, `-I` requests, pipes into a command that rejects an error page anyway (`tar x`, `gunzip`, `gpg --import`, `apt-key add`, `sha256sum -c`), and pipes without `pipefail`: there `-f` alone would hand the reader an empty input and the pipe would still succeed, so set pipefail first (pipe-without-pipefail).',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN curl -sSL -o /usr/local/bin/tini https://example.com/releases/v0.19.0/tini && chmod +x /usr/local/bin/tini\n', good: 'FROM debian:12-slim\nRUN curl -fsSL -o /usr/local/bin/tini https://example.com/releases/v0.19.0/tini && chmod +x /usr/local/bin/tini\n' },
      ],
      fixSafety: 'The fix adds `-f` to the first group of short options (`-sSL` becomes `-fsSL`), or `--fail` after `curl`. A build that used to go on after an HTTP error now stops there: that is the point, but a RUN that relied on an error page (a health probe, an optional file) stops building.',
      references: ['https://curl.se/docs/manpage.html#-f', 'https://everything.curl.dev/http/response.html'],
    },
  },
  create(ctx) {
    const text = ctx.model.text;
    const curl = (outer: ShellCommand, instr: Instr) => {
      const cmd = commandRunBy(outer);
      if (baseName(cmd) !== 'curl' || (cmd !== outer && isCommand(outer, 'curl'))) return;
      const args = curlArgs(cmd);
      if (curlFailsOnHttpError(args)) return;
      const flag = (...names: string[]) => args.flags.filter((f) => names.includes(f.name));
      // A status check, a HEAD request, a config file that may set --fail: the body is not what matters, or not known.
      if (flag('w', 'write-out').some((f) => /http_code|response_code/.test(f.value ?? ''))) return;
      if (flag('I', 'head', 'K', 'config').length) return;
      let consumer: string | undefined;
      const outputs = flag('o', 'output').map((f) => f.value ?? '');
      const toFile = outputs.some((v) => v !== '-' && v !== '/dev/null') || flag('O', 'remote-name', 'remote-name-all').length > 0;
      const redirect = STDOUT_REDIRECT.exec(text.slice(outer.end));
      const redirected = !!redirect && redirect[1] !== '/dev/null';
      if (!toFile && !redirected && !outputs.includes('/dev/null') && outer.pipeline !== undefined) {
        const cmds = instr.run!.commands;
        const script = instr.run!.scripts.find((s) => s.pipelines.some((p) => p.id === outer.pipeline && p.start <= outer.start && outer.end <= p.end));
        const pipeline = script?.pipelines.find((p) => p.id === outer.pipeline && p.start <= outer.start && outer.end <= p.end);
        const stage = pipeline?.stages.findIndex((s) => s.start <= outer.start && outer.end <= s.end) ?? -1;
        // Without pipefail `-f` would make it worse: the reader gets nothing and the pipe still succeeds (pipe-without-pipefail's concern).
        if (!pipeline || stage < 0 || stage === pipeline.stages.length - 1 || !pipefailAt(instr, pipeline.start)) return;
        const next = pipeline.stages[stage + 1];
        const reader = cmds.find((c) => c.start >= next.start && c.end <= next.end);
        if (!reader) return;
        const inner = commandRunBy(reader);
        if (rejectsErrorPage(inner)) return;
        consumer = baseName(inner);
      } else if (!toFile && !redirected) return;
      // After a `--no-fail`, only a later `--fail` counts.
      const noFail = args.flags.filter((f) => f.long && f.name.startsWith('no-fail')).pop();
      const short = noFail ? undefined : args.flags.find((f) => !f.long && f.word.raw === f.word.value && /^-[A-Za-z0-9]/.test(f.word.value));
      const after = noFail?.word.end ?? cmd.nameWord.end;
      const edit = short ? { start: short.word.start + 1, end: short.word.start + 1, text: 'f' } : { start: after, end: after, text: ' --fail' };
      const fixes = [{ titleId: 'addFail', safety: 'unsafe' as const, edits: [edit] }];
      if (consumer) ctx.report({ start: cmd.nameWord.start, end: cmd.nameWord.end, messageId: 'pipesErrorPage', data: { consumer }, fixes });
      else ctx.report({ start: cmd.nameWord.start, end: cmd.nameWord.end, messageId: 'savesErrorPage', fixes });
    };
    return { commands: { curl } };
  },
});
