import { defineRule } from '../rule';
import { findCredentials, type CredentialPattern } from '../data/credentials';

// The message of each kind of credential.
const MESSAGE: Record<CredentialPattern['kind'], string> = {
  awsAccessKey: 'awsAccessKey', privateKey: 'privateKey', githubToken: 'githubToken', gitlabToken: 'gitlabToken', slackToken: 'slackToken',
  stripeKey: 'stripeKey', googleApiKey: 'googleApiKey', npmToken: 'npmToken', jwt: 'jwt',
};

export default defineRule({
  meta: {
    id: 'credential-in-file',
    aliases: {},
    counterparts: {
      tally: ['secrets-in-code'],
      kics: ['Passwords And Secrets - AWS Access Key', 'Passwords And Secrets - Asymmetric private key'],
      sonar: ['S6437', 'S6290'],
      differences: 'Matches only the formats the issuers give their keys (AWS, GitHub, GitLab, Slack, Stripe, Google, npm, PEM private keys, JWTs), in comments too, and leaves out placeholders and the issuers\' documented example values.',
    },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    messages: {
      awsAccessKey: 'An AWS access key id is written in the file: revoke it and pass credentials with a secret mount',
      privateKey: 'A private key is written in the file: anyone who can read the file or the image has it; replace the key and pass it with a secret or ssh mount',
      githubToken: 'A GitHub token is written in the file: revoke it and pass it with a secret mount',
      gitlabToken: 'A GitLab token is written in the file: revoke it and pass it with a secret mount',
      slackToken: 'A Slack token is written in the file: revoke it and pass it with a secret mount',
      stripeKey: 'A live Stripe secret key is written in the file: roll it and pass it with a secret mount',
      googleApiKey: 'A Google API key is written in the file: restrict or replace it, and pass it at run time',
      npmToken: 'An npm token is written in the file: revoke it and pass it with a secret mount',
      jwt: 'A JSON Web Token is written in the file: anyone who reads it can present it until it expires; pass it at run time or with a secret mount',
    },
    docs: {
      summary: 'A literal credential (cloud key, token, private key) in the Dockerfile',
      why: 'A Dockerfile is committed, shared and copied into build contexts, and what a RUN, ARG or ENV holds also ends up in the image\'s history or config, where anyone who pulls the image reads it. A comment leaks as much as a command. The values found here have the shape their issuer gives them (`AKIA…`, `ghp_…`, `glpat-…`, `xoxb-…`, `sk_live_…`, `AIza…`, `npm_…`, `-----BEGIN … PRIVATE KEY-----`, `eyJ….eyJ….…`), so they are credentials whatever the variable is called. Treat such a key as leaked: revoke or rotate it, then give the build the new one with `RUN --mount=type=secret` (or `--mount=type=ssh` for a key), and the container with a secret at run time. Placeholders (`ghp_xxxx…`) and the example values of the issuers\' documentation (`AKIAIOSFODNN7EXAMPLE`) are not reported.',
      examples: [
        { bad: 'FROM node:22-slim\nENV SERVICE_TOKEN=eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZSJ9.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk\n', good: 'FROM node:22-slim\nRUN --mount=type=secret,id=service_token,env=SERVICE_TOKEN node scripts/fetch-assets.js\n' },
      ],
      references: ['https://docs.docker.com/build/building/secrets/', 'https://docs.github.com/en/code-security/secret-scanning/introduction/supported-secret-scanning-patterns'],
    },
  },
  check(ctx) {
    for (const c of findCredentials(ctx.model.text)) ctx.report({ start: c.start, end: c.end, messageId: MESSAGE[c.kind] });
  },
});
