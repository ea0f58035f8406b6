import rule from '../../../server/src/engine/rules/label-missing';
import { testRule } from '../../support/rule-tester';

const settings = { labelSchema: { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.title': 'text' } };

testRule(rule, {
  valid: [
    { name: 'inactive without a schema', code: 'FROM debian:12-slim\n' },
    { code: 'FROM debian:12-slim\nLABEL org.opencontainers.image.source=https://x.example org.opencontainers.image.title=api\n', settings },
    { name: 'inherited from the stage it is built FROM; builder stages are not checked', code: 'FROM debian:12-slim AS base\nLABEL org.opencontainers.image.source=https://x.example\nFROM golang:1.23 AS build\nFROM base\nLABEL org.opencontainers.image.title=api\n', settings },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nLABEL org.opencontainers.image.title=api\n', settings, errors: [{ at: '1:1-1:5', messageId: 'missingLabel', data: { label: 'org.opencontainers.image.source' }, message: /`org.opencontainers.image.source`/ }] },
    { name: 'labels of an unrelated stage do not count', code: 'FROM debian:12-slim AS a\nLABEL org.opencontainers.image.title=api\nFROM debian:12-slim\n', settings, errors: [{ at: '3:1-3:5', messageId: 'missingLabels', data: { labels: '`org.opencontainers.image.source`, `org.opencontainers.image.title`' }, message: /labels `org.opencontainers.image.source`, `org.opencontainers.image.title`/ }] },
  ],
});
