import rule from '../../../server/src/engine/rules/add-instead-of-copy';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM alpine:3.21\nADD rootfs.tar.gz /\n',
    'FROM alpine:3.21\nADD https://example.com/tool /usr/local/bin/tool\n',
    'FROM alpine:3.21\nADD --checksum=sha256:abc https://example.com/a /a\n',
    'FROM alpine:3.21\nADD git@github.com:org/repo.git /src\n',
    'FROM alpine:3.21\nCOPY app.py /srv/\n',
  ],
  invalid: [
    {
      code: 'FROM alpine:3.21\nADD app.py /srv/app.py\n',
      errors: [{ at: '2:1-2:4', message: /use COPY/ }],
      output: 'FROM alpine:3.21\nCOPY app.py /srv/app.py\n',
    },
    {
      name: 'a wildcard may match an archive: unsafe',
      code: 'FROM alpine:3.21\nADD --chown=app dist/* /srv/\n',
      errors: [{ at: '2:1-2:4' }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nCOPY --chown=app dist/* /srv/\n',
    },
    {
      name: 'lowercase keyword stays lowercase; .zip is not extracted by ADD',
      code: 'FROM alpine:3.21\nadd bundle.zip /opt/\n',
      errors: [{ at: '2:1-2:4' }],
      output: 'FROM alpine:3.21\ncopy bundle.zip /opt/\n',
    },
    {
      name: 'ONBUILD ADD',
      code: 'FROM alpine:3.21\nONBUILD ADD . /app\n',
      errors: [{ at: '2:9-2:12' }],
      output: 'FROM alpine:3.21\nONBUILD COPY . /app\n',
    },
  ],
});
