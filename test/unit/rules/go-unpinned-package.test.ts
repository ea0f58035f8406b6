import rule from '../../../server/src/engine/rules/go-unpinned-package';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'go get then git checkout of a version in the same RUN (GOPATH mode)', code: 'FROM golang:1.13\nENV V=v5.1.1\nRUN go get github.com/pusher/oauth2_proxy || true && cd /go/src/github.com/pusher/oauth2_proxy && git checkout "$V" && go build .\n' },
    { name: 'go get then git checkout in a later RUN of the stage', code: 'FROM golang:1.13\nRUN go get github.com/hashicorp/vault || true\nWORKDIR /go/src/github.com/hashicorp/vault\nRUN git -C . checkout v1.4.2\n' },
    'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n',
    'FROM golang:1.23\nRUN go install ./cmd/... && go build -o /app .\n',
    'FROM golang:1.23\nRUN go get -tool example.com/gen@v1.0.0\n',
    'FROM golang:1.23\nRUN go run main.go && go run ./cmd/server --port 80\n',
    'FROM golang:1.23\nRUN go install -ldflags "-s -w" .\n',
    'FROM golang:1.23\nRUN go mod download\n',
  ],
  invalid: [
    { code: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n', errors: [{ at: '2:16-2:47', messageId: 'unpinned', message: /@latest is not a version/ }] },
    {
      name: 'go get, go run of a module, flags with values, and ONBUILD',
      code: 'FROM golang:1.23\nRUN go get -u example.com/lib && go run -mod mod example.com/gen@none arg\nONBUILD RUN go install -tags netgo honnef.co/go/tools/cmd/staticcheck\n',
      errors: [{ at: '2:15-2:30', messageId: 'unpinned' }, { at: '2:50-2:70', messageId: 'unpinned' }, { at: '3:36-3:70', messageId: 'unpinned' }],
    },
  ],
});
