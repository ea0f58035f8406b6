import rule from '../../../server/src/engine/rules/trusted-registry';
import { testRule } from '../../support/rule-tester';

const settings = { trustedRegistries: ['registry.example.com', '*.corp.example', 'docker.io'] };

testRule(rule, {
  valid: [
    { name: 'inactive without trustedRegistries', code: 'FROM ghcr.io/acme/base:1.0\n' },
    { code: 'FROM registry.example.com/acme/base:1.0\nFROM mirror.corp.example/node:22\nFROM node:22\n', settings },
    { name: 'stages and scratch', code: 'FROM registry.example.com/go:1.23 AS build\nFROM build\nCOPY --from=build /a /a\nFROM scratch\n', settings: { trustedRegistries: ['registry.example.com'] } },
  ],
  invalid: [
    { code: 'FROM ghcr.io/acme/base:1.0\n', settings, errors: [{ at: '1:6-1:27', messageId: 'untrustedRegistry', data: { image: 'ghcr.io/acme/base:1.0', registry: 'ghcr.io' }, message: /ghcr.io/ }] },
    {
      name: 'Docker Hub when not trusted, COPY --from and RUN --mount images, ARG-resolved image',
      code: 'ARG BASE=quay.io/x/y:1\nFROM ${BASE}\nCOPY --from=nginx:1.27 /a /a\nRUN --mount=type=bind,from=ghcr.io/t/u:2,target=/t ls\n',
      settings: { trustedRegistries: ['registry.example.com'] },
      errors: [{ at: '2:6-2:13', messageId: 'untrustedRegistry', message: /quay.io/ }, { at: '3:13-3:23', messageId: 'untrustedDockerHub', data: { image: 'nginx:1.27' }, message: /Docker Hub/ }, { at: '4:28-4:41', messageId: 'untrustedRegistry' }],
    },
  ],
});
