import rule from '../../../server/src/engine/rules/secret-in-arg-or-env';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nARG NODE_VERSION=22\nENV PORT=3000\n',
    { name: 'allow-listed parts', code: 'FROM node:22-slim\nENV SECRET_FILE=/run/secrets/x PUBLIC_KEY_PATH=/k GPG_KEY_VERSION=2\n' },
    { name: 'words that only contain a token', code: 'FROM node:22-slim\nENV MONKEY=1 TOKENIZERS_PARALLELISM=false\n' },
    // Public key identifiers: docker-library's python and wordpress images verify downloads with them.
    { name: 'GPG key fingerprints by name', code: 'FROM debian:12-slim\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\nENV WORDPRESS_CLI_GPG_KEY=63AF7AA15067C05616FDDD88A3A2E8F226F0BC06\nARG NODE_PGP_KEY_IDS\n' },
    { name: 'a key named only KEY whose value is fingerprints', code: 'FROM debian:12-slim\nENV RELEASE_KEY="4ED778F539E3634C779C87C6D7062848A1AB005C 141F07595B7B3FFE74309A937405533BE57C7D57"\n' },
    { name: 'names that point at the secret or describe it', code: 'FROM node:22-slim\nENV DB_PASSWORD_FILE=/run/secrets/db VAULT_TOKEN_PATH=/t AUTH_URL=https://auth.example.com API_KEY_VERSION=2 KEY_ID=abc\n' },
    { name: 'values that are file paths', code: 'FROM golang:1.25\nENV NGROK_CA_KEY assets/client/tls/ngrokroot.key\nENV TLS_KEY=/etc/ssl/private/server.key\n' },
    { name: 'an empty ENV (set when the container starts)', code: 'FROM node:22-slim\nENV PASSWORD= HUBOT_SLACK_TOKEN=\n' },
    { name: 'template placeholders', code: "FROM node:22-slim\nENV TOKEN=00000000-0000-0000-0000-000000000000 PASSWORD=XXXXXXXXXXXXXXXX\nENV MTP_SECRET 00000000000000000000000000000000\nENV API_TOKEN='<your-token>'\n" },
    { name: 'a database URL without credentials', code: 'FROM node:22-slim\nENV DATABASE_URL=postgres://db:5432/app\n' },
  ],
  invalid: [
    { code: 'FROM node:22-slim\nARG NPM_TOKEN\n', errors: [{ at: '2:5-2:14', messageId: 'secretArg', data: { name: 'NPM_TOKEN' }, message: /secret mount|type=secret/ }] },
    { name: 'literal value is called out', code: 'FROM python:3.13-slim\nENV DB_PASSWORD=hunter2 APP_NAME=x\n', errors: [{ at: '2:5-2:16', messageId: 'secretValueEnv', data: { name: 'DB_PASSWORD' }, message: /value is written into the image config/ }] },
    { name: 'a default credential gets its own message', code: 'FROM alpine:3.21\nENV PASSWORD password\nARG ADMIN_PASSWORD=changeme\n', errors: [{ at: '2:5-2:13', messageId: 'defaultCredentialEnv', data: { name: 'PASSWORD', value: 'password' }, message: /PASSWORD=password is a default credential.*do not ship a default credential/ }, { at: '3:5-3:19', messageId: 'defaultCredentialArg', data: { name: 'ADMIN_PASSWORD', value: 'changeme' }, message: /default credential everyone knows, written into the image history/ }] },
    { name: 'a real-looking license key; an ARG without a value (it comes from --build-arg)', code: 'FROM debian:12-slim\nENV LICENSE_KEY lgNvGyhnUKpa5PJi\nARG DB_PASSWORD=\n', errors: [{ at: '2:5-2:16', messageId: 'secretValueEnv', message: /value is written into the image config/ }, { at: '3:5-3:16', messageId: 'secretArg', message: /type=secret/ }] },
    { name: 'a URL with credentials in it; a 40-hex token is not a key fingerprint', code: 'FROM node:22-slim\nENV DATABASE_URL=postgres://app:hunter2@db/app\nENV GITHUB_TOKEN=0123456789abcdef0123456789abcdef01234567\n', errors: [{ at: '2:5-2:17', messageId: 'secretValueEnv' }, { at: '3:5-3:17', messageId: 'secretValueEnv' }] },
    { name: 'a key that is not public because it says file first', code: 'FROM node:22-slim\nENV FILE_ENCRYPTION_KEY=s3cr3tValue9\n', errors: [{ at: '2:5-2:24', messageId: 'secretValueEnv' }] },
    { name: 'known names and legacy form', code: 'FROM python:3.13-slim\nENV AWS_SECRET_ACCESS_KEY abc\nARG apiKey\n', errors: [{ at: '2:5-2:26', messageId: 'secretValueEnv' }, { at: '3:5-3:11', messageId: 'secretArg' }] },
    {
      name: 'each wording says where the value lands: an ARG\'s literal in the history, an ENV from a variable in the config',
      code: 'FROM node:22-slim\nARG SLACK_TOKEN=xoxb-4f9a2c\nENV API_TOKEN=$SLACK_TOKEN\n',
      errors: [
        { at: '2:5-2:16', messageId: 'secretValueArg', data: { name: 'SLACK_TOKEN' }, message: /^SLACK_TOKEN looks like a secret and its value is written into the image history; use a secret mount$/ },
        { at: '3:5-3:14', messageId: 'secretEnv', data: { name: 'API_TOKEN' }, message: /^API_TOKEN looks like a secret; ENV values end up in the image config\. Use RUN --mount=type=secret$/ },
      ],
    },
  ],
});
