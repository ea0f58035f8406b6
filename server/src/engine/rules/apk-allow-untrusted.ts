import { defineRule } from '../rule';
import { APK_OPTIONS, OFF_FLAGS } from '../data/verification-off';
import { onlyBuiltHere, optionText, readOptions, removeOptionEdit, verificationHandlers } from '../model/verification';
import { packageCommand } from '../model/package-managers';

export default defineRule({
  meta: {
    id: 'apk-allow-untrusted',
    aliases: {},
    counterparts: { checkov: ['CKV2_DOCKER_7'], differences: 'Reads apk\'s options as apk does (an abbreviation such as `--allow-untr` too, through `sudo` or `sh -c`), and leaves alone `echo apk --allow-untrusted` and packages another stage of the same build made (mounted `from=` a stage, or brought by `COPY --from`).' },
    category: 'security',
    status: 'preview',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      untrusted: '`{flag}` installs packages whose signature apk cannot check',
      removeFlag: 'Remove `{flag}` (apk then checks signatures, and the install fails where a package is not signed with a key the image knows)',
    },
    docs: {
      summary: 'apk with `--allow-untrusted`',
      why: 'apk checks every package and index against the signing keys in `/etc/apk/keys`. `--allow-untrusted` installs what it cannot check, so a package changed on the server or on the way goes into the image as if it were the vendor\'s. It is usually there for a package built elsewhere or a third-party repository: put its public key in `/etc/apk/keys` (for instance with `COPY` or `ADD --checksum`) and keep the check. Not reported: packages another stage of the same build made and this RUN mounts (`--mount=type=bind,from=builder,…`) or a `COPY --from` brought, which never crossed a network.',
      examples: [
        { bad: 'FROM alpine:3.21\nRUN apk add --no-cache --allow-untrusted /tmp/tool-1.2-r0.apk\n', good: 'FROM alpine:3.21\nCOPY tool.rsa.pub /etc/apk/keys/\nRUN apk add --no-cache /tmp/tool-1.2-r0.apk\n' },
      ],
      fixSafety: 'apk then checks signatures: an install of a package or repository whose key is not in `/etc/apk/keys` fails until the key is added.',
      references: ['https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper'],
    },
  },
  create(ctx) {
    return verificationHandlers(ctx, {
      commands: {
        apk: (cmd, instr, written) => {
          // Packages another stage of this build made (`--mount=…,from=builder`, `COPY --from=builder`) are not
          // signed, and never crossed a network: nothing to check them against.
          if (onlyBuiltHere(ctx.model, instr, packageCommand(written)?.operands ?? [])) return [];
          return readOptions(cmd.args, APK_OPTIONS)
          .filter((o) => o.long && (OFF_FLAGS.apk.long as readonly string[]).includes(o.name))
          .map((o) => ({ start: o.start, end: o.end, messageId: 'untrusted', data: { flag: optionText(o) }, fixTitleId: 'removeFlag', fixData: { flag: optionText(o) }, edit: removeOptionEdit(ctx.model, cmd, o) }));
        },
      },
    });
  },
});
