import rule from '../../../server/src/engine/rules/deprecated-base-image';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM eclipse-temurin:21-jre\n',
    { name: 'a private image of the same name', code: 'FROM registry.example.com/openjdk:17\n' },
    { name: 'a stage alias', code: 'FROM eclipse-temurin:21 AS openjdk\nFROM openjdk\n' },
  ],
  invalid: [
    { code: 'FROM openjdk:17-jdk-slim\nCOPY app.jar /app.jar\n', errors: [{ at: '1:6-1:25', message: /eclipse-temurin/ }], output: null, unsafeOutput: 'FROM eclipse-temurin:17-jdk\nCOPY app.jar /app.jar\n' },
    { name: 'jre on alpine', code: 'FROM openjdk:8-jre-alpine AS run\n', errors: [{ at: '1:6-1:26' }], output: null, unsafeOutput: 'FROM eclipse-temurin:8-jre-alpine AS run\n' },
    { name: 'Oracle Linux based tag with microdnf: no fix', code: 'FROM openjdk:17\nRUN microdnf install -y curl\n', errors: [{ at: '1:6-1:16' }], output: null },
    { name: 'non-LTS release: no fix', code: 'FROM openjdk:19-jdk\n', errors: [{ at: '1:6-1:20' }], output: null },
    { name: 'other deprecated images, through docker.io', code: 'FROM docker.io/library/centos:7\n', errors: [{ at: '1:6-1:32', message: /almalinux/ }], output: null },
  ],
});
