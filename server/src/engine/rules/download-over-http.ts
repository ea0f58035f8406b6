import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand, ShellWord } from '../model/shell';
import { CURL_OPTIONS, LOCAL_HOST, WGET_OPTIONS, type OptionGrammar } from '../data/verification-off';
import { readOptions, verifiesDownload } from '../model/verification';
import { commandRunBy } from '../model/commands';

const CLEAR_TEXT = /^(https?|ftp):\/\/([^/?#]*)/i;

/** The scheme of a clear-text URL to another machine, or undefined (HTTPS, the build machine, a host in a variable). */
function clearText(url: string): string | undefined {
  const m = CLEAR_TEXT.exec(url);
  if (!m || m[1].toLowerCase() === 'https') return undefined;
  const host = m[2].replace(/^[^@]*@/, '').replace(/:\d*$/, '');
  if (host === '' || /[$`{]/.test(host) || LOCAL_HOST.test(host)) return undefined;
  return m[1].toLowerCase();
}

export default defineRule({
  meta: {
    id: 'download-over-http',
    aliases: {},
    counterparts: { sonar: ['S5332'], differences: 'Looks only at what curl, wget and ADD download (not at URLs in comments, `echo`, proxies or headers), skips the build machine itself and hosts in variables, and a RUN that checks a checksum or signature of what it fetched.' },
    category: 'security',
    status: 'preview',
    defaultSeverity: 'info',
    scope: 'stage',
    messages: {
      clearText: '`{url}` is downloaded over {scheme}, in clear text and unchecked: anyone on the path can change it',
    },
    docs: {
      summary: 'A download over `http://` or `ftp://` with no checksum or signature check',
      why: 'Over plain HTTP or FTP nothing proves where the bytes came from: anyone on the network path (a café Wi-Fi, a compromised router, a hostile mirror) can change the file, and the build puts it into the image. Use the `https://` URL where the server has one. Where it has none, check what arrives: `ADD --checksum=sha256:…`, or `sha256sum -c` or `gpg --verify` in the same RUN; such RUNs are not reported. Downloads from the build machine itself (`localhost`, `127.0.0.1`) and from hosts given in a variable are not reported either.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/tool.tgz http://example.com/tool-1.2.tgz && tar -xzf /tmp/tool.tgz -C /usr/local\n', good: 'FROM debian:12-slim\nRUN curl -fsSLo /tmp/tool.tgz https://example.com/tool-1.2.tgz && tar -xzf /tmp/tool.tgz -C /usr/local\n' },
        { bad: 'FROM debian:12-slim\nRUN wget -O /tmp/tool.tgz http://example.com/tool-1.2.tgz\n', good: 'FROM debian:12-slim\nRUN wget -O /tmp/tool.tgz http://example.com/tool-1.2.tgz \\\n    && echo "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d  /tmp/tool.tgz" | sha256sum -c -\n', note: 'Where the server has no HTTPS, check the file against a checksum published elsewhere.' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#add---checksum'],
    },
  },
  create(ctx) {
    const download = (grammar: OptionGrammar, urlOptions: readonly string[]) => (written: ShellCommand, instr: Instr): void => {
      const cmd = commandRunBy(written);
      if (!/^(curl|wget)$/.test(cmd.name.slice(cmd.name.lastIndexOf('/') + 1))) return;
      if (instr.run?.commands.some(verifiesDownload)) return;
      const options = readOptions(cmd.args, grammar);
      const consumed = new Set<ShellWord>(options.flatMap((o) => [o.first, o.last]));
      const urls: ShellWord[] = cmd.args.filter((w) => !consumed.has(w) && !w.value.startsWith('-'));
      for (const o of options) if (o.long && urlOptions.includes(o.name) && o.last !== o.first) urls.push(o.last);
      for (const w of urls) {
        const scheme = clearText(w.value);
        if (!scheme) continue;
        const q = w.quoted && w.raw.length >= 2 ? 1 : 0;
        ctx.report({ start: w.start + q, end: w.end - q, messageId: 'clearText', data: { url: w.value, scheme: scheme.toUpperCase() } });
      }
    };
    const add = (instr: Instr): void => {
      if (instr.flags.some((f) => f.name === 'checksum')) return;
      for (const src of instr.args.slice(0, -1)) {
        const scheme = clearText(src.value);
        if (scheme) ctx.report({ start: src.start, end: src.end, messageId: 'clearText', data: { url: src.value, scheme: scheme.toUpperCase() } });
      }
    };
    return {
      commands: { curl: download(CURL_OPTIONS, ['url']), wget: download(WGET_OPTIONS, []) },
      instructions: { ADD: add },
      triggers: { ADD: add },
    };
  },
});
