import rule from '../../../server/src/engine/rules/label-key-invalid';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nLABEL org.opencontainers.image.title="api" version=1 com.example/team=x\n',
    'FROM debian:12-slim\nLABEL ${PREFIX}.title=x\n',
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nLABEL Maintainer="team@example.com"\n',
      errors: [{ at: '2:7-2:17', messageId: 'badStart', data: { key: 'Maintainer' }, message: /lowercase letter/, fixes: ['renameTo'] }],
      unsafeOutput: 'FROM debian:12-slim\nLABEL maintainer="team@example.com"\n',
    },
    {
      name: 'reserved namespaces, repeated separators, bad ends, spaces in a quoted key',
      code: 'FROM debian:12-slim\nLABEL com.docker.x=1 a..b=2 a-=3 1a=4 "my key"=5\n',
      errors: [{ at: '2:7-2:19', messageId: 'reservedNamespace', data: { key: 'com.docker.x', namespace: 'com.docker.' }, message: /reserved/ }, { at: '2:22-2:26', messageId: 'repeatedSeparator', data: { key: 'a..b' }, message: /repeat/ }, { at: '2:29-2:31', messageId: 'badEnd', data: { key: 'a-' }, message: /end/ }, { at: '2:34-2:36', messageId: 'badStart', message: /start/ }, { at: '2:40-2:46', messageId: 'badCharacters', data: { key: 'my key' }, message: /only/ }],
    },
  ],
});
