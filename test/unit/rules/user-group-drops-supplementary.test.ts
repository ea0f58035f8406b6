import rule from '../../../server/src/engine/rules/user-group-drops-supplementary';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN useradd -m app && usermod -aG video app\nUSER app\n',
    { name: 'no supplementary group given', code: 'FROM debian:12-slim\nRUN groupadd -g 10001 app && useradd -u 10001 -g app app\nUSER app:app\n' },
    { name: 'BusyBox adduser -G sets the primary group', code: 'FROM alpine:3.21\nRUN addgroup -S app && adduser -S -G app app\nUSER app:app\n' },
    { name: 'the only supplementary group is the one named', code: 'FROM debian:12-slim\nRUN useradd -G video app\nUSER app:video\n' },
    { name: 'groups of another user', code: 'FROM debian:12-slim\nRUN useradd -G video other && useradd app\nUSER app:app\n' },
    { name: 'given after the USER', code: 'FROM debian:12-slim\nRUN useradd app\nUSER app:app\nUSER root\nRUN usermod -aG video app\n' },
    { name: 'variables', code: 'FROM debian:12-slim\nRUN useradd -G video app\nUSER ${APP_USER}:${APP_GROUP}\n' },
    { name: 'numeric ids', code: 'FROM debian:12-slim\nRUN useradd -u 1000 -G video app\nUSER 1000:1000\n' },
    { name: 'echo is not usermod', code: 'FROM debian:12-slim\nRUN useradd app && echo usermod -aG video app\nUSER app:app\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN useradd -m app && usermod -aG video app\nUSER app:app\n',
      errors: [{ at: '3:9-3:13', messageId: 'dropsGroups', data: { user: 'app', group: 'app', groups: 'video' }, message: /other groups \(video\)/ }],
    },
    {
      name: 'useradd --groups, gpasswd, adduser and addgroup, in a stage built FROM another',
      code: 'FROM debian:12-slim AS base\nRUN useradd --groups audio,video app && gpasswd -a app plugdev\nFROM base\nRUN adduser app dialout && addgroup app input && sh -c "usermod -a -G render app"\nUSER app:app\n',
      errors: [{ at: '5:9-5:13', messageId: 'dropsGroups', data: { user: 'app', group: 'app', groups: 'dialout, input, render, audio, video, plugdev' } }],
    },
  ],
});
