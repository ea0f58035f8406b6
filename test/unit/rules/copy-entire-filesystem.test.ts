import rule from '../../../server/src/engine/rules/copy-entire-filesystem';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build /out/app /app\n',
    'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build / /rootfs/\n',
    'FROM scratch\nCOPY / /\n',
    { name: 'an image made to be copied whole', code: 'FROM debian:12-slim\nCOPY --from=docker/buildx-bin / /\n' },
    { name: 'a scratch stage holding only artifacts', code: 'FROM golang:1.23 AS build\nFROM scratch AS out\nCOPY --from=build /out/app /app\nFROM debian:12-slim\nCOPY --from=out / /\n' },
  ],
  invalid: [
    { code: 'FROM golang:1.23 AS build\nFROM scratch\nCOPY --from=build / /\n', errors: [{ at: '3:19-3:20', messageId: 'entireFilesystem', data: { stage: 'build' }, message: /entire filesystem of stage `build`/ }] },
    { name: 'JSON form, stage index, a stage built on another', code: 'FROM debian:12-slim AS base\nFROM base AS tools\nFROM scratch\nCOPY --from=tools ["/", "/"]\nCOPY --from=0 "/" /\n', errors: [{ at: '4:21-4:22', messageId: 'entireFilesystem' }, { at: '5:16-5:17', messageId: 'entireFilesystem' }] },
  ],
});
