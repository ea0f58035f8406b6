import rule from '../../../server/src/engine/rules/build-arg-not-declared';
import { testRule } from '../../support/rule-tester';

// Where the compose file of these builds writes its parts, as the hosts pass them (URIs, the service's label).
const compose = 'file:///p/compose.yaml';
const label = 'compose service api';
const service = { file: compose, line: 3, label };
const declaredAt = (lines: Record<string, number>) => ({ '': service, ...Object.fromEntries(Object.entries(lines).map(([k, line]) => [k, { file: compose, line, label }])) });

// A builder stage, a test stage only a test target runs, and the release stage.
const STAGES = 'ARG NODE_VERSION=22\nFROM node:${NODE_VERSION} AS build\nARG NPM_TOKEN\nRUN npm ci\nFROM build AS test\nARG CI\nRUN npm test\nFROM node:${NODE_VERSION}-slim AS release\nARG APP_ENV=production\nCOPY --from=build /app /app\n';

testRule(rule, {
  valid: [
    { name: 'declared globally, in the final stage, in a stage the final one copies from', code: STAGES, invocation: { args: { NODE_VERSION: '20', APP_ENV: 'staging', NPM_TOKEN: 'x' }, declaredAt: declaredAt({ 'arg:NODE_VERSION': 5 }) } },
    { name: 'declared in the stage the target builds', code: STAGES, invocation: { target: 'test', args: { CI: '1' } } },
    { name: 'the target compared in any case', code: STAGES, invocation: { target: 'TEST', args: { CI: '1' } } },
    { name: 'BuildKit\'s own args, proxies and platforms need no ARG', code: STAGES, invocation: { args: { BUILDKIT_INLINE_CACHE: '1', BUILDKIT_CONTEXT_KEEP_GIT_DIR: '1', SOURCE_DATE_EPOCH: '0', HTTP_PROXY: 'http://proxy:3128', no_proxy: 'localhost', TARGETPLATFORM: 'linux/arm64' } } },
    { name: 'no invocation', code: STAGES },
    { name: 'an invocation without args', code: STAGES, invocation: { target: 'release' } },
    { name: 'which stages run is not known (COPY --from through a variable): any ARG counts', code: 'FROM alpine:3.21 AS tools-amd64\nARG TOOLS_VERSION\nFROM alpine:3.21\nARG TARGETARCH\nCOPY --from=tools-${TARGETARCH} /t /t\n', invocation: { args: { TOOLS_VERSION: '2' } } },
    { name: 'a shared arg (bake inherits, compose extends, a YAML merge key) this Dockerfile has no use for', code: STAGES, invocation: { args: { JAVA_MAJOR: '17', CI: '1' }, sharedArgs: ['JAVA_MAJOR', 'CI'] } },
    { name: 'declared in a stage another build of the file runs (a matrix combination, another service)', code: STAGES, invocation: { target: 'release', args: { CI: '1' }, builtTargets: ['release', 'Test'] } },
    { name: 'a target that names no stage: target-stage-not-found says so, any ARG counts', code: STAGES, invocation: { target: 'prod', args: { CI: '1' } } },
  ],
  invalid: [
    {
      name: 'a misspelt arg from compose, pointed at the args line',
      code: STAGES,
      invocation: { args: { NODE_VERISON: '20', APP_ENV: 'staging' }, declaredAt: declaredAt({ 'arg:NODE_VERISON': 7, 'arg:APP_ENV': 8 }) },
      errors: [{ at: '2:1-2:26', messageId: 'notDeclaredSuggestion', data: { arg: 'NODE_VERISON', suggestion: 'NODE_VERSION' }, related: [{ file: compose, line: 7, label }] }],
    },
    {
      name: 'a misspelt arg whose name the compose file writes out: renamed there (unsafe: its value now reaches the ARG)',
      code: STAGES,
      invocation: { args: { NODE_VERISON: '20' }, declaredAt: { '': service, 'arg:NODE_VERISON': { file: compose, line: 7, label, column: 8, length: 12 } } },
      errors: [{
        at: '2:1-2:26',
        messageId: 'notDeclaredSuggestion',
        data: { arg: 'NODE_VERISON', suggestion: 'NODE_VERSION' },
        related: [{ file: compose, line: 7, label, column: 8, length: 12 }],
        fixes: ['renameArg'],
        fileEdits: [{ file: compose, line: 7, column: 8, length: 12, text: 'NODE_VERSION' }],
      }],
    },
    {
      name: 'no rename where the name on the line is not the arg as written (made by interpolation), nor at the service line',
      code: STAGES,
      invocation: { args: { NODE_VERISON: '20', APP_EVN: 'x' }, declaredAt: { '': { ...service, column: 2, length: 3 }, 'arg:NODE_VERISON': { file: compose, line: 7, label, column: 8, length: 17 } } },
      errors: [
        { at: '2:1-2:26', messageId: 'notDeclaredSuggestion', data: { arg: 'APP_EVN', suggestion: 'APP_ENV' } },
        { at: '2:1-2:26', messageId: 'notDeclaredSuggestion', data: { arg: 'NODE_VERISON', suggestion: 'NODE_VERSION' } },
      ],
    },
    {
      name: 'another case is another name',
      code: STAGES,
      invocation: { args: { app_env: 'staging' } },
      errors: [{ at: '2:1-2:26', messageId: 'notDeclaredSuggestion', data: { arg: 'app_env', suggestion: 'APP_ENV' }, related: [] }],
    },
    {
      name: 'a leftover arg, pointed at the service when its line is not known',
      code: STAGES,
      invocation: { args: { PYTHON_VERSION: '3.12' }, declaredAt: { '': service } },
      errors: [{ at: '2:1-2:26', messageId: 'notDeclared', data: { arg: 'PYTHON_VERSION' }, related: [service] }],
    },
    {
      name: 'declared only in a stage no build of the file runs',
      code: STAGES,
      invocation: { args: { CI: '1' }, builtTargets: ['release'], declaredAt: declaredAt({ 'arg:CI': 9 }) },
      errors: [{ at: '2:1-2:26', messageId: 'notInBuiltStages', data: { arg: 'CI', stages: 'test' }, related: [{ file: compose, line: 9, label }] }],
    },
    {
      name: 'the target decides what runs: release\'s ARG is not the test stage\'s',
      code: STAGES,
      invocation: { target: 'test', args: { APP_ENV: 'ci' } },
      errors: [{ at: '2:1-2:26', messageId: 'notInBuiltStages', data: { arg: 'APP_ENV', stages: 'release' } }],
    },
    {
      name: 'a shared arg whose name is a near miss of an ARG\'s is still a slip',
      code: STAGES,
      invocation: { args: { NODE_VERSOIN: '20', JAVA_MAJOR: '17' }, sharedArgs: ['NODE_VERSOIN', 'JAVA_MAJOR'] },
      errors: [{ at: '2:1-2:26', messageId: 'notDeclaredSuggestion', data: { arg: 'NODE_VERSOIN', suggestion: 'NODE_VERSION' } }],
    },
    {
      name: 'one finding per arg',
      code: 'FROM alpine:3.21\nRUN true\n',
      invocation: { args: { A_THING: '1', BUILDKIT_SYNTAX: 'docker/dockerfile:1', OTHER: '2' } },
      errors: [
        { at: '1:1-1:17', messageId: 'notDeclared', data: { arg: 'A_THING' } },
        { at: '1:1-1:17', messageId: 'notDeclared', data: { arg: 'OTHER' } },
      ],
    },
  ],
});
