import rule from '../../../server/src/engine/rules/credential-in-file';
import { testRule } from '../../support/rule-tester';

const KEY_BODY = 'MIIEowIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9OiJjRazXBZ1BjP5CE/Wm/Rr500P';

testRule(rule, {
  valid: [
    { name: 'AWS\'s documented example key', code: 'FROM debian:12-slim\nENV AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n' },
    { name: 'a variable, not a value', code: 'FROM debian:12-slim\nARG GITHUB_TOKEN\nRUN git clone https://x-access-token:${GITHUB_TOKEN}@github.com/o/r.git\n' },
    { name: 'placeholders', code: 'FROM debian:12-slim\n# export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nENV NPM_TOKEN=npm_000000000000000000000000000000000000\n' },
    { name: 'a grep for the header, without a key', code: 'FROM debian:12-slim\nRUN grep -q -- "-----BEGIN RSA PRIVATE KEY-----" /etc/ssl/x.pem || true\n' },
    { name: 'a public key or certificate', code: 'FROM debian:12-slim\nRUN echo "-----BEGIN CERTIFICATE-----\\nMIIDdzCCAl+gAwIBAgIEAgAAuTANBgkqhkiG9w0BAQUFADBaMQswCQYDVQQGEwJJ" > /tmp/c.pem\n' },
    { name: 'too short for a key id', code: 'FROM debian:12-slim\nENV X=AKIA1234\n' },
    { name: 'part of a longer word', code: 'FROM debian:12-slim\nRUN echo XAKIAIOSFODNN7ABCDEFGHQ\n' },
    { name: 'jwt.io\'s example token', code: 'FROM debian:12-slim\nENV T=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c\n' },
    { name: 'a Stripe test key', code: 'FROM debian:12-slim\nENV STRIPE_KEY=sk_test_4eC39HqLyjWDarjtT1zdp7dc\n' },
  ],
  invalid: [
    {
      name: 'an AWS key id in ENV',
      code: 'FROM debian:12-slim\nENV AWS_ACCESS_KEY_ID=AKIA2E0A8F3B244C9986\n',
      errors: [{ at: '2:23-2:43', messageId: 'awsAccessKey', message: /AWS access key id/ }],
    },
    {
      name: 'a GitHub token in a clone URL, and one in a comment',
      code: 'FROM debian:12-slim\n# token: ghp_16C7e42F292c6912E7710c838347Ae178B4a\nRUN git clone https://ghp_16C7e42F292c6912E7710c838347Ae178B4a@github.com/o/r.git\n',
      errors: [{ at: '2:10-2:50', messageId: 'githubToken' }, { at: '3:23-3:63', messageId: 'githubToken' }],
    },
    {
      name: 'a private key echoed into a file',
      code: `FROM debian:12-slim\nRUN echo "-----BEGIN RSA PRIVATE KEY-----\\n${KEY_BODY}\\n-----END RSA PRIVATE KEY-----" > /root/.ssh/id_rsa\n`,
      errors: [{ at: '2:11-2:108', messageId: 'privateKey' }],
    },
    {
      name: 'a private key on continuation lines',
      code: `FROM debian:12-slim\nRUN printf '%s\\n' '-----BEGIN OPENSSH PRIVATE KEY-----' \\\n    '${KEY_BODY}' > /k\n`,
      errors: [{ at: '2:20-3:70', messageId: 'privateKey' }],
    },
    {
      name: 'GitLab, Slack, Stripe, Google, npm and a JWT',
      code: 'FROM debian:12-slim\nENV A=glpat-Zx9Qe3Rt5Yu7Io1Pa2Sd \\\n    B=xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp \\\n    C=sk_live_51H8aBcDeFgHiJkLmNoPqRsTu\nARG D=AIzaSyCkfPOPZXDKNn8hhgu3JrA62wIgC93d44k\nRUN npm config set //r/:_authToken npm_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\nENV E=eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZSJ9.dBjftJeZ4CVPmB92K27uhbUJU1p1r_wW1gFWFOEjXk\n',
      errors: [
        { at: '2:7-2:33', messageId: 'gitlabToken' },
        { at: '3:7-3:50', messageId: 'slackToken' },
        { at: '4:7-4:40', messageId: 'stripeKey' },
        { at: '5:7-5:46', messageId: 'googleApiKey' },
        { at: '6:36-6:76', messageId: 'npmToken' },
        { at: '7:7-7:95', messageId: 'jwt' },
      ],
    },
  ],
});
