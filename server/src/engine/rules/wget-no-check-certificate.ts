import { defineRule } from '../rule';
import { OFF_FLAGS, WGET_OPTIONS, WGETRC_CHECK_OFF } from '../data/verification-off';
import { optionText, readOptions, removeOptionEdit, verificationHandlers } from '../model/verification';

export default defineRule({
  meta: {
    id: 'wget-no-check-certificate',
    aliases: {},
    counterparts: { checkov: ['CKV2_DOCKER_3'], differences: 'Reads wget\'s options as wget does, so an abbreviation such as `--no-check-cert` and the wgetrc command `-e check_certificate=off` are found too, while `echo wget --no-check-certificate` is not.' },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      noCheck: '`{flag}` turns off wget\'s certificate checks: any server, a forged one included, is accepted',
      removeFlag: 'Remove `{flag}` (wget then checks the certificate, and the download fails if it is not valid)',
    },
    docs: {
      summary: 'wget with `--no-check-certificate`',
      why: 'With `--no-check-certificate` (or `-e check_certificate=off`) wget accepts any certificate, so anyone between the build and the server can hand the build a file of their own, and it goes into the image without a warning. It is usually there to get past a missing CA bundle or a self-signed certificate. Install `ca-certificates`, or give the private CA with `--ca-certificate`, and keep the check on.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN wget --no-check-certificate -O /tmp/tool.tgz https://example.com/tool.tgz\n', good: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates wget && rm -rf /var/lib/apt/lists/* \\\n    && wget -O /tmp/tool.tgz https://example.com/tool.tgz\n' },
      ],
      fixSafety: 'The download is then checked: where the server\'s certificate is not valid for the build (a missing CA bundle, a self-signed certificate), the build fails where it passed.',
      references: ['https://www.gnu.org/software/wget/manual/wget.html#HTTPS-_0028SSL_002fTLS_0029-Options'],
    },
  },
  create(ctx) {
    return verificationHandlers(ctx, {
      commands: {
        wget: (cmd) => readOptions(cmd.args, WGET_OPTIONS)
          .filter((o) => (o.long && (OFF_FLAGS.wget.long as readonly string[]).includes(o.name)) || ((o.name === 'e' || o.name === 'execute') && WGETRC_CHECK_OFF.test(o.value ?? '')))
          .map((o) => {
            const flag = optionText(o);
            return { start: o.start, end: o.end, messageId: 'noCheck', data: { flag }, fixTitleId: 'removeFlag', fixData: { flag }, edit: removeOptionEdit(ctx.model, cmd, o) };
          }),
      },
    });
  },
});
