import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { baseName, commandRunBy, isCommand, parseArgs } from '../model/commands';

/** The broken hash a command checks with (`md5sum`, `sha1sum`, `shasum -a 1`), or undefined. */
function weakAlgorithm(cmd: ShellCommand): string | undefined {
  const name = baseName(cmd);
  if (name === 'md5sum') return 'MD5';
  if (name === 'sha1sum') return 'SHA-1';
  // shasum -c reads the algorithm from each line's length: only an explicit `-a 1` is SHA-1 for sure.
  if (name === 'shasum' && parseArgs(cmd, ['a', 'algorithm']).flags.some((f) => (f.name === 'a' || f.name === 'algorithm') && f.value === '1')) return 'SHA-1';
  return undefined;
}

/** A check with a hash that is not broken, or a signature check: the download does not rest on the weak one. */
function strongCheck(cmd: ShellCommand): boolean {
  const name = baseName(cmd);
  if (/^(sha(224|256|384|512)sum|b2sum|gpgv2?)$/.test(name)) return true;
  if (name === 'shasum') return parseArgs(cmd, ['a', 'algorithm']).flags.some((f) => (f.name === 'a' || f.name === 'algorithm') && f.value !== '1');
  if (name === 'gpg' || name === 'gpg2') return cmd.args.some((a) => a.value === '--verify');
  if (name === 'cosign' || name === 'minisign' || name === 'signify') return true;
  return false;
}

/** Whether the command compares a digest: `-c`/`--check`, piped into grep, or its `$(…)` output compared in a test. */
function verifies(model: { text: string }, cmd: ShellCommand, instr: Instr): boolean {
  if (parseArgs(cmd, ['a', 'algorithm']).flags.some((f) => f.name === 'c' || f.name === 'check')) return true;
  const run = instr.run!;
  if (cmd.pipeline !== undefined) {
    const next = run.commands.find((c) => c.pipeline === cmd.pipeline && c.start > cmd.end);
    if (next && isCommand(next, 'grep')) return true;
  }
  // `[ "$(md5sum f | cut -c-32)" = "$MD5" ]` or `[ "$MD5" != "$(md5sum …)" ]`; an assignment (`md5="$(md5sum …)"`) is not a check.
  const pipeline = run.scripts.flatMap((s) => s.pipelines).find((p) => p.id === cmd.pipeline);
  const start = pipeline?.start ?? cmd.start;
  const end = pipeline?.end ?? cmd.end;
  const before = model.text.slice(Math.max(0, start - 200), start);
  if (!/\$\(\s*$/.test(before)) return false;
  const after = model.text.slice(end, end + 200);
  return /\s(!?=|==)\s*"?\$\(\s*$/.test(before) || /^\s*\)"?\s+(!?=|==)\s/.test(after);
}

export default defineRule({
  meta: {
    id: 'weak-checksum-verification',
    aliases: {},
    category: 'security',
    status: 'preview',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      weakChecksum: 'The download is verified with {algorithm} only (`{tool}`), a broken hash: check a SHA-256 or SHA-512 sum (`sha256sum -c`) or a signature',
    },
    docs: {
      summary: 'A download verified only with `md5sum -c` or `sha1sum -c`',
      why: 'MD5 and SHA-1 are broken: colliding files can be made (for MD5 in seconds, for SHA-1 with a known, affordable attack), so a matching sum no longer proves the file is the one its publisher meant. Whoever can prepare the download (a compromised release process, a mirror serving a prepared pair) can pass the check with a different file. Verify against a SHA-256 or SHA-512 sum, or the publisher\'s signature. A RUN that also checks a strong sum or a signature is not reported.',
      examples: [
        { bad: 'FROM debian:12-slim\nARG VAULT_MD5=0123456789abcdef0123456789abcdef\nRUN curl -fsSLo vault.zip https://example.com/vault.zip \\\n    && echo "$VAULT_MD5  vault.zip" | md5sum -c -\n', good: 'FROM debian:12-slim\nARG VAULT_SHA256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\nRUN curl -fsSLo vault.zip https://example.com/vault.zip \\\n    && echo "$VAULT_SHA256  vault.zip" | sha256sum -c -\n' },
      ],
      references: ['https://www.rfc-editor.org/rfc/rfc6151', 'https://www.rfc-editor.org/rfc/rfc6194', 'https://docs.docker.com/reference/dockerfile/#verifying-a-remote-file-checksum-add---checksumchecksum-http-src-dest'],
    },
    counterparts: {
      sonar: ['S4790'],
      differences: 'Reports only hashes used to verify (`-c`, compared in a test or with grep), not every md5sum, and not when the same RUN also checks a SHA-2 sum or a signature.',
    },
  },
  create(ctx) {
    const { model } = ctx;
    const judge = (called: ShellCommand, instr: Instr): void => {
      const cmd = commandRunBy(called);
      const algorithm = weakAlgorithm(cmd);
      if (!algorithm || !instr.run || !verifies(model, cmd, instr)) return;
      if (instr.run.commands.some((c) => strongCheck(commandRunBy(c)))) return;
      ctx.report({ start: cmd.start, end: cmd.end, messageId: 'weakChecksum', data: { algorithm, tool: baseName(cmd) } });
    };
    return { commands: { md5sum: judge, sha1sum: judge, shasum: judge } };
  },
});
