import rule from '../../../server/src/engine/rules/cd-in-run';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nWORKDIR /app\nRUN npm ci\n',
    'FROM node:22-slim\nRUN make -C /src install\n',
    { name: 'cd as an argument', code: 'FROM node:22-slim\nRUN echo cd /app\n' },
  ],
  invalid: [
    {
      code: 'FROM node:22-slim\nRUN cd /app && npm ci\n',
      errors: [{ at: '2:5-2:7', message: /WORKDIR/ }],
      unsafeOutput: 'FROM node:22-slim\nWORKDIR /app\nRUN npm ci\n',
    },
    {
      // Found by the property tests (FUZZ_SEED=314159265): a second WORKDIR for the second cd looked to fix-all
      // like the first finding coming back, and it refused the fix.
      name: 'the same cd twice: WORKDIR once, then the cd that changes nothing is dropped',
      code: 'FROM alpine:3.21\nRUN cd /tmp && cd /tmp/ && curl\nWORKDIR /srv\nRUN cd /tmp && ls\n',
      errors: [{ at: '2:5-2:7' }, { at: '2:16-2:18' }, { at: '4:5-4:7' }],
      unsafeOutput: 'FROM alpine:3.21\nWORKDIR /tmp\nRUN curl\nWORKDIR /srv\nWORKDIR /tmp\nRUN ls\n',
    },
    {
      name: 'flags stay on the RUN, the rest continues on the next line',
      code: 'FROM node:22-slim\nRUN --mount=type=cache,target=/root/.npm cd /app && \\\n    npm ci\n',
      errors: [{ at: '2:42-2:44' }],
      unsafeOutput: 'FROM node:22-slim\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.npm npm ci\n',
    },
    {
      name: 'no fix when cd is not first, in a subshell, alone, uses a variable or sits in ONBUILD',
      code: 'FROM node:22-slim\nRUN npm ci && cd /app && make\nRUN (cd sub && make)\nRUN cd /app\nRUN cd $HOME && ls\nONBUILD RUN cd /app && make\n',
      errors: [{ at: '2:15-2:17' }, { at: '3:6-3:8' }, { at: '4:5-4:7' }, { at: '5:5-5:7' }, { at: '6:13-6:15' }],
    },
    {
      name: 'cd in a heredoc and in sh -c',
      code: 'FROM node:22-slim\nRUN <<EOF\ncd /app\nnpm ci\nEOF\nRUN sh -c "cd /x && ls"\n',
      errors: [{ at: '3:1-3:3' }, { at: '6:12-6:14' }],
    },
  ],
});
