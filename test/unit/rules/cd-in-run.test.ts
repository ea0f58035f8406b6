import rule from '../../../server/src/engine/rules/cd-in-run';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nWORKDIR /app\nRUN npm ci\n',
    'FROM node:22-slim\nRUN make -C /src install\n',
    { name: 'cd as an argument', code: 'FROM node:22-slim\nRUN echo cd /app\n' },
    // Folders that exist only while the RUN runs, and the way back out of them: WORKDIR cannot say these.
    { name: 'into the folder an archive unpacks, then out and delete it', code: 'FROM debian:12-slim\nRUN curl -fsSL https://example.com/tool-1.2.tar.gz | tar -xz && cd tool-1.2 && make install && cd .. && rm -rf tool-1.2\n' },
    { name: 'into a clone made in the same RUN', code: 'FROM debian:12-slim\nRUN git clone --depth 1 https://github.com/example/tool.git && cd tool && make install\n' },
    { name: 'into a clone with a target folder', code: 'FROM debian:12-slim\nRUN git clone -b v1.2 https://github.com/example/tool.git /usr/src/tool && cd /usr/src/tool && make install\n' },
    { name: 'into a folder mkdir made in the same RUN', code: 'FROM debian:12-slim\nRUN mkdir -p /usr/src/lib && cd /usr/src/lib && curl -fsSLO https://example.com/lib.tar.gz\n' },
    { name: 'into the parent of a folder mkdir -p made, then a relative step down', code: 'FROM debian:12-slim\nRUN mkdir -p /opt/build/out && cd /opt/build && ls && cd out && cmake ..\n' },
    { name: 'into a mktemp folder', code: 'FROM debian:12-slim\nRUN dir="$(mktemp -d)"; cd "$dir"; curl -fsSLO https://example.com/x.deb; dpkg -i x.deb\n' },
    { name: 'into a folder deleted later in the RUN', code: 'FROM debian:12-slim\nCOPY src /usr/src/app\nRUN cd /usr/src/app && make install && rm -rf /usr/src/app\n' },
    { name: 'into a folder the RUN leaves again with cd /', code: 'FROM php:8.3-cli\nRUN docker-php-source extract; cd /usr/src/php; make install; cd /; docker-php-source delete\n' },
  ],
  invalid: [
    {
      name: 'the stage ends there: WORKDIR goes back to the image\'s folder after the RUN',
      code: 'FROM node:22-slim\nRUN cd /app && npm ci\n',
      errors: [{ at: '2:5-2:7', messageId: 'useWorkdir', message: /WORKDIR/, fixes: ['moveToWorkdirAndBack'] }],
      unsafeOutput: 'FROM node:22-slim\nWORKDIR /app\nRUN npm ci\nWORKDIR /\n',
    },
    {
      // Found by the property tests (FUZZ_SEED=314159265): a second WORKDIR for the second cd looked to fix-all
      // like the first finding coming back, and it refused the fix.
      name: 'the same cd twice: WORKDIR once, then the cd that changes nothing is dropped',
      code: 'FROM alpine:3.21\nRUN cd /tmp && cd /tmp/ && curl\nWORKDIR /srv\nRUN cd /tmp && ls\n',
      errors: [{ at: '2:5-2:7', messageId: 'useWorkdir', fixes: ['moveToWorkdir'] }, { at: '2:16-2:18', messageId: 'useWorkdir' }, { at: '4:5-4:7', messageId: 'useWorkdir', fixes: ['moveToWorkdirAndBack'] }],
      unsafeOutput: 'FROM alpine:3.21\nWORKDIR /tmp\nRUN curl\nWORKDIR /srv\nWORKDIR /tmp\nRUN ls\nWORKDIR /srv\n',
    },
    {
      name: 'flags stay on the RUN, the rest continues on the next line',
      code: 'FROM node:22-slim\nRUN --mount=type=cache,target=/root/.npm cd /app && \\\n    npm ci\n',
      errors: [{ at: '2:42-2:44', messageId: 'useWorkdir', fixes: ['moveToWorkdirAndBack'] }],
      unsafeOutput: 'FROM node:22-slim\nWORKDIR /app\nRUN --mount=type=cache,target=/root/.npm npm ci\nWORKDIR /\n',
    },
    {
      name: 'a relative cd: later RUNs go back to the folder they ran in',
      code: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN cd ui && make assets\nRUN make build\nFROM scratch\nCOPY --from=build /src/bin/app /app\n',
      errors: [{ at: '4:5-4:7', messageId: 'useWorkdir', fixes: ['moveToWorkdirAndBack'] }],
      unsafeOutput: 'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nWORKDIR ui\nRUN make assets\nWORKDIR /src\nRUN make build\nFROM scratch\nCOPY --from=build /src/bin/app /app\n',
    },
    {
      name: 'nothing later depends on the folder: no WORKDIR back',
      code: 'FROM golang:1.23 AS build\nCOPY . /src\nRUN cd /src && go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\n',
      errors: [{ at: '3:5-3:7', messageId: 'useWorkdir', fixes: ['moveToWorkdir'] }],
      unsafeOutput: 'FROM golang:1.23 AS build\nCOPY . /src\nWORKDIR /src\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\n',
    },
    {
      name: 'a later absolute WORKDIR resets the folder',
      code: 'FROM node:22-slim\nRUN cd /tmp && npm pack left-pad@1.3.0\nWORKDIR /app\nCMD ["node", "server.js"]\n',
      errors: [{ at: '2:5-2:7', messageId: 'useWorkdir', fixes: ['moveToWorkdir'] }],
      unsafeOutput: 'FROM node:22-slim\nWORKDIR /tmp\nRUN npm pack left-pad@1.3.0\nWORKDIR /app\nCMD ["node", "server.js"]\n',
    },
    {
      name: 'the folder before is unknown and later instructions depend on it: no fix',
      code: 'FROM mycorp/builder:1\nRUN cd /src && make\nRUN make install\n',
      errors: [{ at: '2:5-2:7', messageId: 'useWorkdir' }],
    },
    {
      name: 'no fix when cd is not first, in a subshell, alone, uses a variable or sits in ONBUILD',
      code: 'FROM node:22-slim\nRUN npm ci && cd /app && make\nRUN (cd sub && make)\nRUN cd /app\nRUN cd $HOME && ls\nONBUILD RUN cd /app && make\n',
      errors: [{ at: '2:15-2:17', messageId: 'useWorkdir' }, { at: '3:6-3:8', messageId: 'useWorkdir' }, { at: '4:5-4:7', messageId: 'useWorkdir' }, { at: '5:5-5:7', messageId: 'useWorkdir' }, { at: '6:13-6:15', messageId: 'useWorkdir' }],
    },
    {
      name: 'cd in a heredoc and in sh -c',
      code: 'FROM node:22-slim\nRUN <<EOF\ncd /app\nnpm ci\nEOF\nRUN sh -c "cd /x && ls"\n',
      errors: [{ at: '3:1-3:3', messageId: 'useWorkdir' }, { at: '6:12-6:14', messageId: 'useWorkdir' }],
    },
  ],
});
