import rule from '../../../server/src/engine/rules/cgo-binary-in-static-image';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM golang:1.25 AS build\nRUN CGO_ENABLED=0 go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n',
    { name: 'ENV in the builder', code: 'FROM golang:1.25 AS build\nENV CGO_ENABLED=0\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /app /app\n' },
    { name: 'alpine builder has no gcc', code: 'FROM golang:1.25-alpine AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'distroless base has libc', code: 'FROM golang:1.25 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/base-debian12\nCOPY --from=build /app /app\n' },
    { name: 'export before the build', code: 'FROM golang:1.25 AS build\nRUN export CGO_ENABLED=0 && go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\n' },
  ],
  invalid: [
    {
      code: 'FROM golang:1.25 AS build\nWORKDIR /src\nCOPY . .\nRUN go mod download && go build -trimpath -o /app ./cmd/server\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      errors: [{ at: '4:24-4:63', messageId: 'linkedAgainstLibc', data: { line: '6' }, message: /line 6/, fixes: ['disableCgo'] }],
      output: null,
      unsafeOutput: 'FROM golang:1.25 AS build\nWORKDIR /src\nCOPY . .\nRUN go mod download && CGO_ENABLED=0 go build -trimpath -o /app ./cmd/server\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
    },
  ],
});
