import rule from '../../../server/src/engine/rules/target-stage-not-found';
import { testRule } from '../../support/rule-tester';

const bake = 'file:///p/docker-bake.hcl';
const label = 'bake target app';
const target = { file: bake, line: 12, label };
const declaredAt = { '': { file: bake, line: 9, label }, target };

const STAGES = 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12 AS Release\nCOPY --from=build /out/app /app\n';

testRule(rule, {
  valid: [
    { name: 'the target names a stage', code: STAGES, invocation: { target: 'build', declaredAt } },
    { name: 'compared in any case, as BuildKit does', code: STAGES, invocation: { target: 'release' } },
    { name: 'no target', code: STAGES, invocation: { args: { X: '1' } } },
    { name: 'no invocation', code: STAGES },
  ],
  invalid: [
    {
      name: 'a misspelt target, pointed at the target line',
      code: STAGES,
      invocation: { target: 'relase', declaredAt },
      errors: [{ at: '1:1-1:17', messageId: 'noSuchStageSuggestion', data: { target: 'relase', suggestion: 'Release' }, related: [target] }],
    },
    {
      name: 'a renamed stage: the stages are listed; the service when the line is not known',
      code: STAGES,
      invocation: { target: 'production', declaredAt: { '': declaredAt[''] } },
      errors: [{ at: '1:1-1:17', messageId: 'noSuchStage', data: { target: 'production', stages: 'build, Release' }, related: [declaredAt['']] }],
    },
    {
      name: 'a stage number is no target; the command line\'s --target has no place to point at',
      code: 'FROM alpine:3.21\nRUN true\nFROM scratch\n',
      invocation: { target: '0' },
      errors: [{ at: '1:1-1:17', messageId: 'noNamedStage', data: { target: '0' }, related: [] }],
    },
  ],
});
