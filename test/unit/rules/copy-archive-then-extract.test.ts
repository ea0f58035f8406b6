import rule from '../../../server/src/engine/rules/copy-archive-then-extract';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nADD app.tar.gz /opt/\n',
    'FROM debian:12-slim\nCOPY app.tar.gz /srv/\n',
    'FROM debian:12-slim\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n',
    { name: 'extracted in another stage', code: 'FROM debian:12-slim\nCOPY a.tgz /tmp/\nFROM debian:12-slim\nRUN tar -xzf /tmp/a.tgz\n' },
    { name: 'another archive is extracted', code: 'FROM debian:12-slim\nCOPY a.tgz /tmp/\nRUN tar -xzf /tmp/b.tgz\n' },
  ],
  invalid: [
    { code: 'FROM debian:12-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n', errors: [{ at: '2:6-2:16', messageId: 'copiedThenExtracted', data: { name: 'app.tar.gz' }, message: /ADD/ }] },
    {
      name: 'old-style tar letters, --extract, gunzip, JSON form',
      code: 'FROM debian:12-slim\nCOPY ["dist/a.tar", "b.gz", "c.txz", "/tmp/"]\nRUN tar xf /tmp/a.tar && gunzip /tmp/b.gz && tar --extract --file=/tmp/c.txz\n',
      errors: [{ at: '2:8-2:18', messageId: 'copiedThenExtracted' }, { at: '2:22-2:26', messageId: 'copiedThenExtracted' }, { at: '2:30-2:35', messageId: 'copiedThenExtracted' }],
    },
  ],
});
