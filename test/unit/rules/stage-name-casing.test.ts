import rule from '../../../server/src/engine/rules/stage-name-casing';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: ['FROM golang:1.25 AS build\n', 'FROM golang:1.25 AS build-2_x.y\n', 'FROM alpine:3.21\n'],
  invalid: [
    { name: 'no references', code: 'FROM golang:1.25 AS Build\n', errors: [{ at: '1:21-1:26', messageId: 'notLowercase', data: { name: 'Build', lower: 'build' }, message: /"Build" is not lowercase; BuildKit reads it as "build"/, fixes: ['rename'] }], output: 'FROM golang:1.25 AS build\n' },
    {
      name: 'references renamed with the stage, in any casing',
      code: 'FROM golang:1.25 AS BuildEnv\nRUN go build -o /out/app .\nFROM BuildEnv AS Test\nRUN --mount=type=bind,from=BUILDENV,source=/out,target=/mnt ls /mnt\nFROM gcr.io/distroless/static-debian12\nCOPY --from=buildEnv /out/app /app\nCOPY --from=test /etc/passwd /etc/passwd\n',
      errors: [{ at: '1:21-1:29', messageId: 'notLowercase', fixes: ['renameWithReferences'] }, { at: '3:18-3:22', messageId: 'notLowercase', fixes: ['rename'] }],
      output: 'FROM golang:1.25 AS buildenv\nRUN go build -o /out/app .\nFROM buildenv AS test\nRUN --mount=type=bind,from=buildenv,source=/out,target=/mnt ls /mnt\nFROM gcr.io/distroless/static-debian12\nCOPY --from=buildenv /out/app /app\nCOPY --from=test /etc/passwd /etc/passwd\n',
    },
    {
      name: 'a reference through a variable is left to the variable',
      code: 'ARG BASE=Build\nFROM golang:1.25 AS Build\nFROM ${BASE}\n',
      errors: [{ at: '2:21-2:26', messageId: 'notLowercase', fixes: ['rename'] }],
      output: 'ARG BASE=Build\nFROM golang:1.25 AS build\nFROM ${BASE}\n',
    },
    {
      name: 'FROM flags are kept',
      code: 'FROM --platform=$BUILDPLATFORM node:22 AS Deps\nRUN npm ci\nFROM node:22-slim\nCOPY --from=Deps /node_modules /app/node_modules\n',
      errors: [{ at: '1:43-1:47', messageId: 'notLowercase', fixes: ['renameWithReference'] }],
      output: 'FROM --platform=$BUILDPLATFORM node:22 AS deps\nRUN npm ci\nFROM node:22-slim\nCOPY --from=deps /node_modules /app/node_modules\n',
    },
  ],
});
