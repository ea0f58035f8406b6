import rule from '../../../server/src/engine/rules/env-path-overwritten';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nENV PATH=/opt/app/bin:$PATH\n',
    { name: 'braces', code: 'FROM debian:12-slim\nENV PATH="${PATH}:/opt/app/bin"\n' },
    { name: 'with a default', code: 'FROM debian:12-slim\nENV PATH=/opt/bin:${PATH:-/usr/bin}\n' },
    { name: 'legacy form with $PATH', code: 'FROM debian:12-slim\nENV PATH /opt/app/bin:$PATH\n' },
    { name: 'written out in full', code: 'FROM debian:12-slim\nENV PATH=/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n' },
    { name: 'keeps /bin', code: 'FROM debian:12-slim\nENV PATH=/opt/bin:/bin/\n' },
    { name: 'another variable that may hold PATH', code: 'FROM debian:12-slim\nENV PATH=/opt/bin:$OLD_PATH\n' },
    { name: 'a variable that resolves to the system folders', code: 'FROM debian:12-slim\nARG SYS=/usr/bin:/bin\nENV PATH=/opt/bin:$SYS\n' },
    { name: 'FROM scratch', code: 'FROM scratch\nCOPY app /app/\nENV PATH=/app\n' },
    { name: 'Windows', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nENV PATH="C:\\\\tools;C:\\\\Windows\\\\system32"\n' },
    { name: 'another variable', code: 'FROM debian:12-slim\nENV MYPATH=/opt/bin\n' },
    { name: 'lower case is another variable', code: 'FROM debian:12-slim\nENV path=/opt/bin\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nENV PATH=/opt/app/bin\nRUN ls\n',
      errors: [{ at: '2:10-2:22', messageId: 'pathOverwritten', data: { value: '/opt/app/bin' }, fixes: ['appendPath'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nENV PATH=/opt/app/bin:$PATH\nRUN ls\n',
    },
    {
      name: 'legacy form',
      code: 'FROM golang:1.23\nENV PATH /go/bin:/usr/local/go/bin\n',
      errors: [{ at: '2:10-2:35', messageId: 'pathOverwritten', fixes: ['appendPath'] }],
      output: null,
      unsafeOutput: 'FROM golang:1.23\nENV PATH /go/bin:/usr/local/go/bin:$PATH\n',
    },
    {
      name: 'double quotes: inside them',
      code: 'FROM debian:12-slim\nENV A=1 PATH="/opt/bin"\n',
      errors: [{ at: '2:14-2:24', messageId: 'pathOverwritten', data: { value: '/opt/bin' }, fixes: ['appendPath'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nENV A=1 PATH="/opt/bin:$PATH"\n',
    },
    {
      name: 'single quotes: after them',
      code: "FROM debian:12-slim\nENV PATH='/opt/bin'\n",
      errors: [{ at: '2:10-2:20', messageId: 'pathOverwritten', fixes: ['appendPath'] }],
      output: null,
      unsafeOutput: "FROM debian:12-slim\nENV PATH='/opt/bin':$PATH\n",
    },
    {
      name: 'a variable resolved from an ARG',
      code: 'FROM debian:12-slim\nARG HOME_DIR=/home/app\nENV PATH=$HOME_DIR/bin\n',
      errors: [{ at: '3:10-3:23', messageId: 'pathOverwritten', data: { value: '$HOME_DIR/bin' }, fixes: ['appendPath'] }],
      output: null,
      unsafeOutput: 'FROM debian:12-slim\nARG HOME_DIR=/home/app\nENV PATH=$HOME_DIR/bin:$PATH\n',
    },
  ],
});
