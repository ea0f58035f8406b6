import rule from '../../../server/src/engine/rules/invalid-default-arg-in-from';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'ARG TAG=3.21\nFROM alpine:${TAG}\n',
    { name: 'a default in the expression', code: 'ARG TAG\nFROM alpine:${TAG:-3.21}\n' },
    { name: 'an empty suffix is fine', code: 'ARG SUFFIX\nFROM alpine${SUFFIX}\n' },
    { name: 'undeclared names are another rule', code: 'FROM alpine:${TAG}\n' },
    { name: 'a stage name from an ARG', code: 'ARG TARGET=build\nFROM golang:1.25 AS build\nFROM ${TARGET}\n' },
    { name: 'registry, port and digest', code: 'ARG REGISTRY=registry.example.com:5000\nFROM ${REGISTRY}/team/app:1.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n' },
    { name: 'platform arguments take their build-time values', code: 'FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.6 AS xx\nFROM golang:1.25-$TARGETOS\n' },
    'FROM alpine:3.21\n',
  ],
  invalid: [
    { code: 'ARG TAG\nFROM busybox:${TAG}\n', errors: [{ at: '2:6-2:20', messageId: 'invalidReferenceMissingDefault', data: { image: 'busybox:', args: 'ARG TAG' }, message: /"busybox:", which is not a valid image reference; give ARG TAG a default$/ }] },
    { name: 'two ARGs without a default', code: 'ARG REPO\nARG TAG\nFROM ${REPO}:${TAG}\n', errors: [{ at: '3:6-3:20', messageId: 'invalidReferenceMissingDefault', data: { image: ':', args: 'ARG REPO and ARG TAG' }, message: /^With the ARG defaults this FROM is ":", which is not a valid image reference; give ARG REPO and ARG TAG a default$/ }] },
    { name: 'empty image', code: 'ARG BASE\nFROM $BASE AS app\n', errors: [{ at: '2:6-2:11', messageId: 'emptyReferenceMissingDefault', data: { args: 'ARG BASE' }, message: /FROM is empty/ }] },
    { name: 'empty by its default', code: 'ARG BASE=""\nFROM $BASE\n', errors: [{ at: '2:6-2:11', messageId: 'emptyReference', data: {}, message: /^With the ARG defaults this FROM is empty, which is not a valid image reference$/ }] },
    { name: 'uppercase repository from a default', code: 'ARG IMAGE=Alpine\nFROM ${IMAGE}:3.21\n', errors: [{ at: '2:6-2:19', messageId: 'invalidReference', data: { image: 'Alpine:3.21' }, message: /"Alpine:3.21"/ }] },
  ],
});
