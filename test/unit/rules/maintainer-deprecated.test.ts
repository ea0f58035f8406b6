import rule from '../../../server/src/engine/rules/maintainer-deprecated';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM alpine:3.21\nLABEL org.opencontainers.image.authors="Jane"\n'],
  invalid: [
    {
      code: 'FROM alpine:3.21\nMAINTAINER Jane Doe <jane@example.com>\nRUN true\n',
      errors: [{ at: '2:1-2:11', messageId: 'deprecated', message: /deprecated/, fixes: ['replaceWithLabel'] }],
      output: 'FROM alpine:3.21\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\nRUN true\n',
    },
    {
      name: 'a quoted name loses its quotes; lowercase keyword',
      code: 'FROM alpine:3.21\nmaintainer "Ops Team <ops@example.com>"\n',
      errors: [{ at: '2:1-2:11', messageId: 'deprecated', fixes: ['replaceWithLabel'] }],
      output: 'FROM alpine:3.21\nLABEL org.opencontainers.image.authors="Ops Team <ops@example.com>"\n',
    },
    {
      name: 'quotes, backslashes and dollars are kept literally',
      code: 'FROM alpine:3.21\nMAINTAINER Dev "Bob" \\ $HOME\n',
      errors: [{ at: '2:1-2:11', messageId: 'deprecated', fixes: ['replaceWithLabel'] }],
      output: 'FROM alpine:3.21\nLABEL org.opencontainers.image.authors="Dev \\"Bob\\" \\\\ \\$HOME"\n',
    },
    {
      name: 'under a backtick escape directive, the backtick escapes and a backslash is literal',
      code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nMAINTAINER Dev "Bob" C:\\ops `x` $HOME\n',
      errors: [{ at: '3:1-3:11', messageId: 'deprecated', fixes: ['replaceWithLabel'] }],
      output: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nLABEL org.opencontainers.image.authors="Dev `"Bob`" C:\\ops ``x`` `$HOME"\n',
    },
  ],
});
