import rule from '../../../server/src/engine/rules/undefined-var';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM node:22-slim\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOME\n',
    { name: 'ARG in the stage, with or without a value', code: 'FROM alpine:3.21\nARG VERSION\nARG USER=app\nLABEL version=$VERSION\nUSER ${USER}\n' },
    { name: 'ENV of the official base image', code: 'FROM eclipse-temurin:21-jre\nCOPY app.jar ${JAVA_HOME}/lib/\nENV PATH=$PATH:/opt/app/bin\n' },
    { name: 'ENV inherited through images built FROM others (tomcat from temurin)', code: 'FROM tomcat:10-jre21\nCOPY app.war $CATALINA_HOME/webapps/\nENV JAVA_OPTS=-Dfoo=$JAVA_VERSION\n' },
    { name: 'ENV inherited from a parent stage', code: 'FROM golang:1.25 AS base\nENV SRC=/src\nFROM base AS build\nWORKDIR $SRC\nCOPY . $GOPATH/src/app\n' },
    { name: 'shell-form RUN and CMD are the shell\'s business', code: 'FROM alpine:3.21\nRUN echo $HOME $UNSET\nCMD echo $UNSET\nCMD ["echo", "$UNSET"]\n' },
    { name: 'a default or alternative is deliberate', code: 'FROM alpine:3.21\nWORKDIR ${APP_DIR:-/app}\nENV X=${Y:+set}\n' },
    { name: 'single quotes are not expanded; escaped dollars neither', code: "FROM alpine:3.21\nENV PS1='$USER@$HOST' LITERAL=\\$HOME\n" },
    { name: 'an image the engine does not know may set anything', code: 'FROM registry.example.com/base/java:17\nWORKDIR $APP_ROOT\n' },
    { name: 'COPY heredoc bodies and --from stages', code: 'FROM alpine:3.21 AS a\nFROM alpine:3.21\nCOPY --from=a /etc/hosts /tmp/\nCOPY <<EOF /etc/motd\n$NOT_EXPANDED_HERE\nEOF\n' },
  ],
  invalid: [
    {
      // Found by the property tests (FUZZ_SEED=271828182): "$HOME" was suggested for $HOME, which made it $$HOME.
      name: 'a name no reference can reach (ENV $HOME) is never suggested',
      code: 'FROM alpine:3.21\nENV $HOME\nCOPY $HOME curl /dest/\n',
      errors: [{ at: '3:6-3:11', messageId: 'undefinedInStageOrImage', data: { name: 'HOME', keyword: 'COPY', image: 'alpine:3.21' }, message: /^\$HOME is not defined by an ARG or ENV before this COPY nor by alpine:3\.21/ }],
      output: null,
    },
    {
      name: 'did you mean',
      code: 'FROM node:22-slim\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOM/src\n',
      errors: [{ at: '3:9-3:17', messageId: 'undefinedSuggestion', data: { name: 'APP_HOM', suggestion: 'APP_HOME' }, message: /\$APP_HOM is not defined here and expands to an empty string\. Did you mean \$APP_HOME\?/, fixes: ['useSuggestion'] }],
      output: null,
      unsafeOutput: 'FROM node:22-slim\nENV APP_HOME=/srv/app\nWORKDIR $APP_HOME/src\n',
    },
    {
      name: 'a global ARG not declared in the stage',
      code: 'ARG VERSION=1.0\nFROM alpine:3.21 AS app\nLABEL org.opencontainers.image.version=${VERSION}\n',
      errors: [{ at: '3:40-3:50', messageId: 'globalArg', data: { name: 'VERSION' }, message: /global ARG/, fixes: ['declareArg'] }],
      output: null,
      unsafeOutput: 'ARG VERSION=1.0\nFROM alpine:3.21 AS app\nARG VERSION\nLABEL org.opencontainers.image.version=${VERSION}\n',
    },
    {
      name: 'nothing close: no fix; used before its ENV',
      code: 'FROM python:3.13-slim\nWORKDIR $HOME/app\nENV HOME=/root\nCOPY --chown=$APP_USER:$APP_USER . .\n',
      errors: [{ at: '2:9-2:14', messageId: 'undefinedInStageOrImage', message: /\$HOME is not defined by an ARG or ENV before this WORKDIR nor by python:3.13-slim/ }, { at: '4:14-4:23', messageId: 'undefinedInStageOrImage' }, { at: '4:24-4:33', messageId: 'undefinedInStageOrImage' }],
      output: null,
    },
    {
      name: 'ARGs are not inherited by a child stage; LABEL keys are expanded too',
      code: 'FROM alpine:3.21 AS base\nARG COMPONENT=api\nFROM base\nLABEL com.example.$COMPONENT=yes\n',
      errors: [{ at: '4:19-4:29', messageId: 'undefinedInStage', data: { name: 'COMPONENT', keyword: 'LABEL' } }],
      output: null,
    },
    {
      name: 'an unknown image: near-misses are still reported',
      code: 'FROM registry.example.com/base/java:17\nENV APP_ROOT=/opt/app\nWORKDIR $APP_RO0T\n',
      errors: [{ at: '3:9-3:18', messageId: 'undefinedSuggestion', message: /Did you mean \$APP_ROOT\?/, fixes: ['useSuggestion'] }],
      output: null,
      unsafeOutput: 'FROM registry.example.com/base/java:17\nENV APP_ROOT=/opt/app\nWORKDIR $APP_ROOT\n',
    },
    {
      name: 'ARG defaults, VOLUME in exec form and STOPSIGNAL are expanded too',
      code: 'FROM alpine:3.21\nARG B=$A/x\nVOLUME ["$DATA"]\nSTOPSIGNAL $SIG\n',
      errors: [{ at: '2:7-2:9', messageId: 'undefinedInStageOrImage' }, { at: '3:10-3:15', messageId: 'undefinedInStageOrImage' }, { at: '4:12-4:16', messageId: 'undefinedInStageOrImage' }],
      output: null,
    },
    {
      name: 'the last line, without a line break',
      code: 'ARG PORT=8080\nFROM nginx:1.27\nEXPOSE $PORT',
      errors: [{ at: '3:8-3:13', messageId: 'globalArg', fixes: ['declareArg'] }],
      output: null,
      unsafeOutput: 'ARG PORT=8080\nFROM nginx:1.27\nARG PORT\nEXPOSE $PORT',
    },
  ],
});
