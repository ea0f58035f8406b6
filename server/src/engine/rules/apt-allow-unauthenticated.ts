import { defineRule } from '../rule';
import { APT_CONFIG_OFF, APT_OPTIONS, OFF_FLAGS } from '../data/verification-off';
import { optionText, readOptions, removeOptionEdit, verificationHandlers, type VerificationFinding } from '../model/verification';

export default defineRule({
  meta: {
    id: 'apt-allow-unauthenticated',
    aliases: {},
    counterparts: { checkov: ['CKV2_DOCKER_8', 'CKV2_DOCKER_11'], differences: 'Also reads apt\'s configuration options (`-o APT::Get::AllowUnauthenticated=true`, `Acquire::AllowInsecureRepositories`, `Acquire::https::Verify-Peer=false`) and `--allow-insecure-repositories`, for apt-get, apt and aptitude, and leaves `echo` and comments alone.' },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      unauthenticated: '`{flag}` lets {tool} use packages or repositories it cannot authenticate',
      tlsOff: '`{flag}` lets {tool} fetch over HTTPS without checking the server\'s certificate',
      removeFlag: 'Remove `{flag}` (apt then authenticates what it installs, and fails where a repository\'s key is missing)',
    },
    docs: {
      summary: 'apt with `--allow-unauthenticated`, `--force-yes` or insecure repositories',
      why: 'apt installs only packages whose repository is signed by a key it trusts. `--allow-unauthenticated`, `--force-yes` (deprecated, and it also allows downgrades), `--allow-insecure-repositories` and their `-o` configuration equivalents let unsigned or tampered packages into the image; `Acquire::https::Verify-Peer=false` accepts any server. Add the repository\'s key (a keyring in `/etc/apt/keyrings` named with `signed-by=`) instead.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --allow-unauthenticated tool && rm -rf /var/lib/apt/lists/*\n', good: 'FROM debian:12-slim\nCOPY tool-archive-keyring.gpg /etc/apt/keyrings/\nRUN echo "deb [signed-by=/etc/apt/keyrings/tool-archive-keyring.gpg] https://apt.example.com stable main" > /etc/apt/sources.list.d/tool.list \\\n    && apt-get update && apt-get install -y tool && rm -rf /var/lib/apt/lists/*\n' },
      ],
      fixSafety: 'apt then authenticates what it installs: an update or install from a repository whose key the image lacks fails until the key is added.',
      references: ['https://manpages.debian.org/apt-get.8', 'https://manpages.debian.org/apt-secure.8', 'https://manpages.debian.org/apt.conf.5'],
    },
  },
  create(ctx) {
    const judge = (cmd: Parameters<typeof removeOptionEdit>[1]): VerificationFinding[] => {
      const out: VerificationFinding[] = [];
      const tool = cmd.name.slice(cmd.name.lastIndexOf('/') + 1);
      for (const o of readOptions(cmd.args, APT_OPTIONS)) {
        let messageId: string | undefined;
        if (o.long && (OFF_FLAGS.apt.long as readonly string[]).includes(o.name)) messageId = 'unauthenticated';
        else if ((o.name === 'o' || o.name === 'option') && o.value !== undefined) {
          const eq = o.value.indexOf('=');
          const hit = eq > 0 ? APT_CONFIG_OFF.find((c) => c.key.test(o.value!.slice(0, eq).trim()) && c.off.test(o.value!.slice(eq + 1).trim())) : undefined;
          if (hit) messageId = /Verify-/i.test(o.value) ? 'tlsOff' : 'unauthenticated';
        }
        if (!messageId) continue;
        const flag = optionText(o);
        out.push({ start: o.start, end: o.end, messageId, data: { flag, tool }, fixTitleId: 'removeFlag', fixData: { flag }, edit: removeOptionEdit(ctx.model, cmd, o) });
      }
      return out;
    };
    return verificationHandlers(ctx, { commands: { 'apt-get': judge, apt: judge, aptitude: judge } });
  },
});
