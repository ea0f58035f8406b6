import rule from '../../../server/src/engine/rules/copy-entire-filesystem';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /out/app /app\n',
    'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build / /rootfs/\n',
    'FROM scratch\nCOPY / /\n',
  ],
  invalid: [
    { code: 'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build / /\n', errors: [{ at: '3:19-3:20', message: /entire filesystem/ }] },
    { name: 'JSON form and ONBUILD', code: 'FROM scratch\nCOPY --from=x ["/", "/"]\nONBUILD COPY --from=y "/" /\n', errors: [{ at: '2:17-2:18' }, { at: '3:24-3:25' }] },
  ],
});
