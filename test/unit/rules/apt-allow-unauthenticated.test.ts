import rule from '../../../server/src/engine/rules/apt-allow-unauthenticated';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    { name: 'other -o options, false values, echo', code: 'FROM debian:12-slim\nRUN apt-get -o Dpkg::Options::=--force-confnew -o APT::Get::AllowUnauthenticated=false install -y x && echo apt-get --force-yes\n' },
    { name: 'apt-get options with other allow- names', code: 'FROM debian:12-slim\nRUN apt-get install -y --allow-downgrades --allow-change-held-packages x\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN apt-get install -y --allow-unauthenticated tool\n',
      errors: [{ at: '2:24-2:47', messageId: 'unauthenticated', data: { flag: '--allow-unauthenticated', tool: 'apt-get' }, fixes: ['removeFlag'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get install -y tool\n',
    },
    {
      name: '--force-yes, and -o in its three spellings',
      code: 'FROM debian:12-slim\nRUN apt-get -o Acquire::AllowInsecureRepositories=true update \\\n && apt-get install -y --force-yes -oAPT::Get::AllowUnauthenticated=1 x \\\n && apt --option=Acquire::https::Verify-Peer=false install -y y\n',
      errors: [
        { at: '2:13-2:55', messageId: 'unauthenticated', data: { flag: '-o Acquire::AllowInsecureRepositories=true', tool: 'apt-get' }, fixes: ['removeFlag'] },
        { at: '3:24-3:35', messageId: 'unauthenticated', fixes: ['removeFlag'] },
        { at: '3:36-3:70', messageId: 'unauthenticated', fixes: ['removeFlag'] },
        { at: '4:9-4:51', messageId: 'tlsOff', data: { flag: '--option=Acquire::https::Verify-Peer=false', tool: 'apt' }, fixes: ['removeFlag'] },
      ],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nRUN apt-get update \\\n && apt-get install -y x \\\n && apt install -y y\n',
    },
  ],
});
