import rule from '../../../server/src/engine/rules/legacy-key-value-format';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM alpine:3.21\nENV A=1 B="two words"\n',
    'FROM alpine:3.21\nLABEL org.opencontainers.image.title="api"\n',
    { name: 'ARG has no legacy form', code: 'FROM alpine:3.21\nARG VERSION\n' },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.21\nENV APP_HOME /srv/app\n',
      errors: [{ at: '2:5-2:22', messageId: 'legacyForm', data: { keyword: 'ENV', name: 'APP_HOME' }, message: /APP_HOME=value/, fixes: ['useKeyValue'] }],
      output: 'FROM alpine:3.21\nENV APP_HOME=/srv/app\n',
    },
    {
      name: 'value with spaces gets quotes',
      code: 'FROM alpine:3.21\nLABEL description A small service\n',
      errors: [{ at: '2:7-2:34', messageId: 'legacyForm', data: { keyword: 'LABEL', name: 'description' }, fixes: ['useKeyValue'] }],
      output: 'FROM alpine:3.21\nLABEL description="A small service"\n',
    },
    {
      name: 'already one quoted word',
      code: 'FROM alpine:3.21\nENV GREETING "hello world"\n',
      errors: [{ at: '2:5-2:27', messageId: 'legacyForm', fixes: ['useKeyValue'] }],
      output: 'FROM alpine:3.21\nENV GREETING="hello world"\n',
    },
    {
      name: 'mixed quoting is not mechanical: no fix',
      code: 'FROM alpine:3.21\nENV MSG say "hi" now\n',
      errors: [{ at: '2:5-2:21', messageId: 'legacyForm' }],
      output: null,
    },
    {
      name: 'ONBUILD ENV',
      code: 'FROM alpine:3.21\nONBUILD ENV MODE production\n',
      errors: [{ at: '2:13-2:28', messageId: 'legacyForm', fixes: ['useKeyValue'] }],
      output: 'FROM alpine:3.21\nONBUILD ENV MODE=production\n',
    },
  ],
});
