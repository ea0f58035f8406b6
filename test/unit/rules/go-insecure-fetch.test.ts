import rule from '../../../server/src/engine/rules/go-insecure-fetch';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM golang:1.24\nRUN go mod download\n',
    { name: 'private modules: GOPRIVATE, GONOSUMDB, GONOPROXY', code: 'FROM golang:1.24\nENV GOPRIVATE=git.example.com/* GONOSUMDB=git.example.com GONOPROXY=git.example.com\n' },
    { name: 'another checksum database, other GOFLAGS, an empty GOINSECURE', code: 'FROM golang:1.24\nENV GOSUMDB=sum.golang.google.cn GOFLAGS=-mod=vendor GOINSECURE=\n' },
    { name: '-insecure on another go command, echo', code: 'FROM golang:1.24\nRUN go build -insecure ./... && echo GOSUMDB=off\n' },
  ],
  invalid: [
    {
      name: 'GOSUMDB=off and GOINSECURE in one ENV',
      code: 'FROM golang:1.24\nENV CGO_ENABLED=0 GOSUMDB=off GOINSECURE=git.example.com\n',
      errors: [
        { at: '2:19-2:30', messageId: 'sumdbOff', data: { name: 'GOSUMDB', value: 'off' }, fixes: ['removeVariable'] },
        { at: '2:31-2:57', messageId: 'insecure', data: { name: 'GOINSECURE', value: 'git.example.com' }, fixes: ['removeVariable'] },
      ],
      output: null,
      unsafeOutput: 'FROM golang:1.24\nENV CGO_ENABLED=0\n',
    },
    {
      name: 'go env -w, GOFLAGS on a command, go get -insecure',
      code: 'FROM golang:1.24\nRUN go env -w GOSUMDB=off && GOFLAGS="-mod=mod -insecure" go mod download && go get -insecure example.com/x\n',
      errors: [
        { at: '2:15-2:26', messageId: 'sumdbOff', fixes: ['removeVariable'] },
        { at: '2:30-2:58', messageId: 'flagsInsecure', fixes: ['removeVariable'] },
        { at: '2:85-2:94', messageId: 'getInsecure', data: { flag: '-insecure' }, fixes: ['removeFlag'] },
      ],
      output: null,
      unsafeOutput: 'FROM golang:1.24\nRUN go mod download && go get example.com/x\n',
    },
  ],
});
