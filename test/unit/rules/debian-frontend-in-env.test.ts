import rule from '../../../server/src/engine/rules/debian-frontend-in-env';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM ubuntu:24.04\nARG DEBIAN_FRONTEND=noninteractive\nRUN apt-get update\n',
    { name: 'inline on the command', code: 'FROM ubuntu:24.04\nRUN DEBIAN_FRONTEND=noninteractive apt-get install -y tzdata\n' },
    { name: 'a builder stage only copied from', code: 'FROM ubuntu:24.04 AS build\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get update\nFROM scratch\nCOPY --from=build /etc/os-release /\n' },
    { name: 'set back later in the stage', code: 'FROM ubuntu:24.04\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get update\nENV DEBIAN_FRONTEND=dialog\n' },
    { name: 'emptied', code: 'FROM ubuntu:24.04\nENV DEBIAN_FRONTEND=\n' },
    { name: 'another variable', code: 'FROM ubuntu:24.04\nENV DEBIAN_PRIORITY=critical\n' },
  ],
  invalid: [
    {
      code: 'FROM ubuntu:24.04\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get update\n',
      errors: [{ at: '2:5-2:35', messageId: 'frontendInEnv', data: { value: 'noninteractive' }, fixes: ['useArg'] }],
      output: null,
      unsafeOutput: 'FROM ubuntu:24.04\nARG DEBIAN_FRONTEND=noninteractive\nRUN apt-get update\n',
    },
    {
      name: 'legacy form gets its =',
      code: 'from ubuntu:24.04\nenv DEBIAN_FRONTEND noninteractive\n',
      errors: [{ at: '2:5-2:35', messageId: 'frontendInEnv', fixes: ['useArg'] }],
      output: null,
      unsafeOutput: 'from ubuntu:24.04\narg DEBIAN_FRONTEND=noninteractive\n',
    },
    {
      name: 'quoted',
      code: 'FROM ubuntu:24.04\nENV DEBIAN_FRONTEND="noninteractive"\n',
      errors: [{ at: '2:5-2:37', messageId: 'frontendInEnv', fixes: ['useArg'] }],
      output: null,
      unsafeOutput: 'FROM ubuntu:24.04\nARG DEBIAN_FRONTEND="noninteractive"\n',
    },
    {
      name: 'with other pairs: no fix',
      code: 'FROM ubuntu:24.04\nENV LANG=C.UTF-8 \\\n    DEBIAN_FRONTEND=noninteractive\n',
      errors: [{ at: '3:5-3:35', messageId: 'frontendInEnv', fixes: [] }],
      output: null,
    },
    {
      name: 'a stage the final one is built FROM',
      code: 'FROM ubuntu:24.04 AS base\nENV DEBIAN_FRONTEND=noninteractive\nFROM base\nRUN apt-get update\n',
      errors: [{ at: '2:5-2:35', messageId: 'frontendInEnv', fixes: ['useArg'] }],
      output: null,
      unsafeOutput: 'FROM ubuntu:24.04 AS base\nARG DEBIAN_FRONTEND=noninteractive\nFROM base\nRUN apt-get update\n',
    },
  ],
});
