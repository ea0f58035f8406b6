import rule from '../../../server/src/engine/rules/shell-form-in-shell-less-image';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n',
    { name: 'distroless debug has busybox', code: 'FROM gcr.io/distroless/base-debian12:debug\nCMD echo hi\n' },
    { name: 'exec-form HEALTHCHECK of the binary itself', code: 'FROM scratch\nHEALTHCHECK CMD ["/app", "health"]\n' },
    'FROM debian:12-slim\nCMD echo hi\n',
  ],
  invalid: [
    { code: 'FROM scratch\nCOPY server /server\nENTRYPOINT /server --port 8080\n', errors: [{ at: '3:12-3:31', messageId: 'needsShell', data: { keyword: 'ENTRYPOINT' }, message: /no|not have/, fixes: ['useExecForm'] }], output: 'FROM scratch\nCOPY server /server\nENTRYPOINT ["/server", "--port", "8080"]\n' },
    {
      name: 'distroless stage built FROM another: RUN and curl health check',
      code: 'FROM gcr.io/distroless/static-debian12 AS base\nFROM base\nRUN mkdir /data\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n',
      errors: [{ at: '3:5-3:16', messageId: 'needsShell' }, { at: '4:17-4:52', messageId: 'healthcheckTool', message: /curl or wget/ }],
    },
    { name: 'variables need a shell: no fix', code: 'FROM scratch\nCMD /app --port $PORT\n', errors: [{ at: '2:5-2:22', messageId: 'needsShell' }], output: null },
    { name: 'a leading exec only replaced the shell: dropped', code: 'FROM scratch\nCMD exec /server --port 8080\n', errors: [{ at: '2:5-2:29', messageId: 'needsShell', fixes: ['useExecForm'] }], output: 'FROM scratch\nCMD ["/server", "--port", "8080"]\n' },
    { name: 'NAME=value is not the program: no fix', code: 'FROM scratch\nCMD PORT=8080 /server\n', errors: [{ at: '2:5-2:22', messageId: 'needsShell' }], output: null },
  ],
});
