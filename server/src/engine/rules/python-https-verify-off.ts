import { defineRule } from '../rule';
import { VERIFICATION_VARIABLES } from '../data/verification-off';
import { verificationHandlers } from '../model/verification';

export default defineRule({
  meta: {
    id: 'python-https-verify-off',
    aliases: {},
    counterparts: { checkov: ['CKV2_DOCKER_5'], differences: 'Also finds the variable where a RUN command exports it (`PYTHONHTTPSVERIFY=0 python …`, `export`, `env`), and not a bare shell assignment, which reaches no program.' },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      verifyOff: '`{name}=0` turns off certificate checks for Python\'s HTTPS connections',
      removeVariable: 'Remove `{name}=0` (Python then checks certificates, and connections to servers without a valid one fail)',
    },
    docs: {
      summary: '`PYTHONHTTPSVERIFY=0` in ENV, ARG or a RUN command',
      why: 'With `PYTHONHTTPSVERIFY=0`, the HTTPS connections of Python\'s standard library (urllib, http.client, and the tools built on them) accept any certificate, so anyone on the path can read and change what they download or send. Set in an ENV it stays on in every container started from the image. Install the CA the server needs (`ca-certificates`, or a private CA with `SSL_CERT_FILE`) instead.',
      examples: [
        { bad: 'FROM python:3.13-slim\nENV PYTHONHTTPSVERIFY=0\n', good: 'FROM python:3.13-slim\nCOPY corp-ca.pem /usr/local/share/ca-certificates/corp-ca.crt\nRUN update-ca-certificates\n' },
      ],
      fixSafety: 'Python then checks certificates again: a build or container that talks to a server with a self-signed or expired certificate fails until that server\'s CA is installed.',
      references: ['https://peps.python.org/pep-0493/'],
    },
  },
  create(ctx) {
    return verificationHandlers(ctx, {
      variables: VERIFICATION_VARIABLES.python,
      variable: ({ setting }) => ({ start: setting.start, end: setting.end, messageId: 'verifyOff', data: { name: setting.name }, fixTitleId: 'removeVariable', fixData: { name: setting.name }, edit: setting.edit }),
    });
  },
});
