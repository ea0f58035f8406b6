import { defineRule } from '../rule';
import { VERIFICATION_VARIABLES } from '../data/verification-off';
import { verificationHandlers } from '../model/verification';

export default defineRule({
  meta: {
    id: 'node-tls-verify-off',
    aliases: {},
    counterparts: { checkov: ['CKV2_DOCKER_6'], differences: 'Also finds the variable where a RUN command exports it (`NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci`, `export`, `env`), not a bare shell assignment, which reaches no program, and reports only the value `0`, the one Node.js reads as off.' },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      verifyOff: '`{name}=0` turns off certificate checks for every TLS connection Node.js makes',
      removeVariable: 'Remove `{name}=0` (Node.js then checks certificates, and connections to servers without a valid one fail)',
    },
    docs: {
      summary: '`NODE_TLS_REJECT_UNAUTHORIZED=0` in ENV, ARG or a RUN command',
      why: 'With `NODE_TLS_REJECT_UNAUTHORIZED=0`, Node.js accepts any certificate on every TLS connection: npm and yarn downloads during the build, and the application\'s own HTTPS calls when it is set in an ENV. Anyone on the path can then read or change that traffic. Give Node.js the CA it is missing with `NODE_EXTRA_CA_CERTS` (or `npm config set cafile`) instead.',
      examples: [
        { bad: 'FROM node:22-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n', good: 'FROM node:22-slim\nCOPY corp-ca.pem /etc/ssl/corp-ca.pem\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/corp-ca.pem\n' },
        { bad: 'FROM node:22-slim\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci\n', good: 'FROM node:22-slim\nRUN npm ci\n' },
      ],
      fixSafety: 'Node.js then checks certificates again: a build or container that talks to a server with a self-signed or expired certificate fails until that CA is given to it.',
      references: ['https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue', 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile'],
    },
  },
  create(ctx) {
    return verificationHandlers(ctx, {
      variables: VERIFICATION_VARIABLES.node,
      variable: ({ setting }) => ({ start: setting.start, end: setting.end, messageId: 'verifyOff', data: { name: setting.name }, fixTitleId: 'removeVariable', fixData: { name: setting.name }, edit: setting.edit }),
    });
  },
});
