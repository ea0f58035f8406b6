import rule from '../../../server/src/engine/rules/named-user-in-shell-less-image';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM scratch\nUSER 65532:65532\n',
    'FROM gcr.io/distroless/static-debian12\nUSER nonroot:nonroot\n',
    { name: 'passwd copied in', code: 'FROM alpine:3.21 AS users\nRUN adduser -D app\nFROM scratch\nCOPY --from=users /etc/passwd /etc/passwd\nUSER app\n' },
    'FROM debian:12-slim\nUSER app\n',
  ],
  invalid: [
    { code: 'FROM scratch\nUSER app\n', errors: [{ at: '2:6-2:9', messageId: 'scratchUser', data: { user: 'app' }, message: /no \/etc\/passwd/ }] },
    { name: 'distroless with another name', code: 'FROM gcr.io/distroless/java21-debian12\nUSER appuser:appgroup\n', errors: [{ at: '2:6-2:22', messageId: 'distrolessUser', data: { user: 'appuser' }, message: /root, nonroot and nobody/ }] },
  ],
});
