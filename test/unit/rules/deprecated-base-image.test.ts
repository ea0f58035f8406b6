import rule from '../../../server/src/engine/rules/deprecated-base-image';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM eclipse-temurin:21-jre\n',
    { name: 'a private image of the same name', code: 'FROM registry.example.com/openjdk:17\n' },
    { name: 'a stage alias', code: 'FROM eclipse-temurin:21 AS openjdk\nFROM openjdk\n' },
  ],
  invalid: [
    { code: 'FROM openjdk:17-jdk-slim\nCOPY app.jar /app.jar\n', errors: [{ at: '1:6-1:25', messageId: 'deprecatedImage', data: { image: 'openjdk', replacement: 'eclipse-temurin (or amazoncorretto, ibm-semeru-runtimes)' }, message: /eclipse-temurin/, fixes: ['replaceWithTemurin'] }], output: null, unsafeOutput: 'FROM eclipse-temurin:17-jdk\nCOPY app.jar /app.jar\n' },
    { name: 'jre on alpine', code: 'FROM openjdk:8-jre-alpine AS run\n', errors: [{ at: '1:6-1:26', messageId: 'deprecatedImage', fixes: ['replaceWithTemurin'] }], output: null, unsafeOutput: 'FROM eclipse-temurin:8-jre-alpine AS run\n' },
    { name: 'Oracle Linux based tag with microdnf: no fix', code: 'FROM openjdk:17\nRUN microdnf install -y curl\n', errors: [{ at: '1:6-1:16', messageId: 'deprecatedImage' }], output: null },
    { name: 'non-LTS release: no fix', code: 'FROM openjdk:19-jdk\n', errors: [{ at: '1:6-1:20', messageId: 'deprecatedImage' }], output: null },
    // The fix used to drop the pin (8u292-jre → 8-jre): the image moved to the newest Java 8 release.
    { name: 'a pinned release: no fix (Temurin pins with a build number)', code: 'FROM openjdk:8u292-jre\nCOPY app.jar /app.jar\n', errors: [{ at: '1:6-1:23', messageId: 'deprecatedImage' }], output: null },
    { name: 'a pinned release with a variant: no fix', code: 'FROM openjdk:11.0.11-jdk-slim\n', errors: [{ at: '1:6-1:30', messageId: 'deprecatedImage' }], output: null },
    // The fix used to move package installs from Debian to Ubuntu, where `python` does not exist.
    { name: 'apt-get installs on the image: no fix', code: 'FROM openjdk:11-jdk-slim-buster\nRUN apt-get update && apt-get install -y curl less python\n', errors: [{ at: '1:6-1:32', messageId: 'deprecatedImage' }], output: null },
    { name: 'apk installs on the image: no fix', code: 'FROM openjdk:8-alpine\nRUN apk --no-cache add curl python2 tar\n', errors: [{ at: '1:6-1:22', messageId: 'deprecatedImage' }], output: null },
    { name: 'installs in a stage built FROM it: no fix', code: 'FROM openjdk:11-jdk-slim AS base\nFROM base\nRUN apt install -y wget\n', errors: [{ at: '1:6-1:25', messageId: 'deprecatedImage' }], output: null },
    { name: 'an arch namespace is the same image', code: 'FROM arm32v7/openjdk:8-jre\nRUN apt-get install -y jq\n', errors: [{ at: '1:6-1:27', messageId: 'deprecatedImage' }], output: null },
    { name: 'other deprecated images, through docker.io', code: 'FROM docker.io/library/centos:7\n', errors: [{ at: '1:6-1:32', messageId: 'deprecatedImage', data: { image: 'centos', replacement: 'almalinux or rockylinux (RHEL-compatible), or quay.io/centos/centos:stream9' }, message: /almalinux/ }], output: null },
  ],
});
