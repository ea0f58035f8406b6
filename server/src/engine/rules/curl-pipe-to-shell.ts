import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { baseName, isCommand } from '../model/commands';

const INTERPRETERS = /^(sh|bash|ash|dash|zsh|ksh|python[0-9.]*|perl|ruby|node|php)$/;

export default defineRule({
  meta: {
    id: 'curl-pipe-to-shell',
    aliases: {},
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      unverifiedScript: 'A script downloaded with {downloader} runs unverified in {interpreter}',
    },
    docs: {
      summary: 'A downloaded script piped straight into a shell',
      why: '`curl … | sh` runs whatever the server sends, unverified, as the build user (usually root). If the script changes, the image changes. If the download is cut short, a half script runs. Download the file, check its checksum or signature, then run it.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/install.sh | sh\n', good: 'FROM debian:12-slim\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/install.sh /tmp/install.sh\nRUN sh /tmp/install.sh && rm /tmp/install.sh\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#add---checksum'],
    },
  },
  create(ctx) {
    const download = (dl: ShellCommand, instr: Instr) => {
      // Also called for what runs the downloader (`sudo curl …`, `xargs wget …`): only curl and wget themselves are judged.
      if (dl.pipeline === undefined || !isCommand(dl, 'curl', 'wget')) return;
      const cmds = instr.run!.commands;
      const shell = cmds.find((c) => c.pipeline === dl.pipeline && c.start > dl.start && (INTERPRETERS.test(baseName(c)) || (isCommand(c, 'sudo') && INTERPRETERS.test(c.args[0]?.value ?? ''))));
      if (!shell) return;
      ctx.report({ start: dl.start, end: shell.end, messageId: 'unverifiedScript', data: { downloader: baseName(dl), interpreter: baseName(shell) === 'sudo' ? shell.args[0].value : baseName(shell) } });
    };
    return { commands: { curl: download, wget: download } };
  },
});
