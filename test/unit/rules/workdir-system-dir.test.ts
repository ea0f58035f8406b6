import rule from '../../../server/src/engine/rules/workdir-system-dir';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nWORKDIR /app\n',
    { name: 'a name that only starts like one', code: 'FROM debian:12-slim\nWORKDIR /devel\nWORKDIR /process\nWORKDIR /system\n' },
    { name: 'relative paths depend on the one before', code: 'FROM debian:12-slim\nWORKDIR /app\nWORKDIR dev\n' },
    { name: 'an unresolved variable is not judged', code: 'FROM debian:12-slim\nWORKDIR $HOME/dev\n' },
    { name: '.. leaves the directory', code: 'FROM debian:12-slim\nWORKDIR /dev/../srv\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nWORKDIR /dev/app\n',
      errors: [{ at: '2:9-2:17', messageId: 'mounted', data: { path: '/dev/app', dir: '/dev' } }],
    },
    {
      name: 'the directory itself, with a trailing slash',
      code: 'FROM debian:12-slim\nWORKDIR /proc/\n',
      errors: [{ at: '2:9-2:15', messageId: 'mounted', data: { path: '/proc', dir: '/proc' } }],
    },
    {
      name: 'through a variable, in ONBUILD',
      code: 'FROM debian:12-slim\nARG BASE=/sys\nONBUILD WORKDIR ${BASE}/x\n',
      errors: [{ at: '3:17-3:26', messageId: 'mounted', data: { path: '/sys/x', dir: '/sys' } }],
    },
    {
      name: 'directories the system owns',
      code: 'FROM debian:12-slim\nWORKDIR /boot/app\nWORKDIR "/lost+found"\n',
      errors: [{ at: '2:9-2:18', messageId: 'system', data: { path: '/boot/app', dir: '/boot' } }, { at: '3:9-3:22', messageId: 'system', data: { path: '/lost+found', dir: '/lost+found' } }],
    },
  ],
});
