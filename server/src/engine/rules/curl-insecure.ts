import { defineRule } from '../rule';
import { CURL_OPTIONS, OFF_FLAGS } from '../data/verification-off';
import { optionText, readOptions, removeOptionEdit, verificationHandlers } from '../model/verification';

export default defineRule({
  meta: {
    id: 'curl-insecure',
    aliases: {},
    counterparts: { checkov: ['CKV2_DOCKER_2'], differences: 'Reads curl\'s options as curl does, so `-k` is found in a cluster such as `-fsSLk` and inside `sh -c` or `sudo`, while `-K` (a config file), `echo curl -k` and `-H -k` (a header value) are not.' },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      insecure: '`{flag}` turns off curl\'s certificate checks: any server, a forged one included, is accepted',
      removeFlag: 'Remove `{flag}` (curl then checks the certificate, and the download fails if it is not valid)',
    },
    docs: {
      summary: 'curl with `-k` / `--insecure`',
      why: 'With `-k` (`--insecure`) curl accepts any certificate, so anyone between the build and the server can hand the build a file of their own: a tampered binary or install script goes into the image without a warning. It is usually added to get past an expired or self-signed certificate, or a missing CA bundle. Install `ca-certificates`, or pass the private CA with `--cacert`, and keep the check on. `--proxy-insecure` and `--doh-insecure` are reported too.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN curl -fsSLk -o /tmp/tool.tgz https://example.com/tool.tgz\n', good: 'FROM debian:12-slim\nRUN curl -fsSL -o /tmp/tool.tgz https://example.com/tool.tgz\n' },
        { bad: 'FROM debian:12-slim\nRUN curl --insecure -fsSLO https://intranet.example/tool.tgz\n', good: 'FROM debian:12-slim\nCOPY corp-ca.pem /usr/local/share/ca-certificates/corp-ca.crt\nRUN update-ca-certificates && curl -fsSLO https://intranet.example/tool.tgz\n', note: 'For a private CA, trust it instead of trusting everything.' },
      ],
      fixSafety: 'The download is then checked: where the server\'s certificate is not valid for the build (expired, self-signed, a missing CA bundle), the build fails where it passed.',
      references: ['https://manpages.debian.org/curl.1'],
    },
  },
  create(ctx) {
    const { letters, long } = OFF_FLAGS.curl;
    return verificationHandlers(ctx, {
      commands: {
        curl: (cmd) => readOptions(cmd.args, CURL_OPTIONS)
          .filter((o) => (o.long ? (long as readonly string[]).includes(o.name) : (letters as readonly string[]).includes(o.name)))
          .map((o) => ({ start: o.start, end: o.end, messageId: 'insecure', data: { flag: optionText(o) }, fixTitleId: 'removeFlag', fixData: { flag: optionText(o) }, edit: removeOptionEdit(ctx.model, cmd, o) })),
      },
    });
  },
});
