import rule from '../../../server/src/engine/rules/stopsignal-mismatch';
import { testRule } from '../../support/rule-tester';

const install = 'RUN apt-get update && apt-get install -y --no-install-recommends nginx && rm -rf /var/lib/apt/lists/*\n';

testRule(rule, {
  valid: [
    { name: 'official nginx sets SIGQUIT', code: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n' },
    { name: 'official nginx with its command', code: 'FROM nginx:1.27-alpine\nCMD ["nginx", "-g", "daemon off;"]\n' },
    { name: 'set in the file', code: `FROM debian:12-slim\n${install}STOPSIGNAL SIGQUIT\nCMD ["nginx", "-g", "daemon off;"]\n` },
    { name: 'numeric and short names', code: `FROM debian:12-slim\n${install}STOPSIGNAL 3\nCMD nginx -g "daemon off;"\nFROM httpd:2.4 AS web\nSTOPSIGNAL WINCH\nCMD ["httpd-foreground"]\n` },
    { name: 'php-fpm image', code: 'FROM php:8.3-fpm\nCMD ["php-fpm"]\n' },
    { name: 'unknown base image', code: 'FROM registry.example.com/web:1\nCMD ["nginx", "-g", "daemon off;"]\n' },
    { name: 'other programs', code: 'FROM node:22-slim\nCMD ["node", "server.js"]\n' },
    { name: 'systemd with its signal', code: 'FROM fedora:41\nSTOPSIGNAL SIGRTMIN+3\nCMD ["/sbin/init"]\n' },
    { name: 'variable', code: 'FROM debian:12-slim\nARG SIG=SIGQUIT\nSTOPSIGNAL $SIG\nCMD ["nginx"]\n' },
    { name: 'several commands in shell form', code: 'FROM alpine:3.21\nRUN apk add --no-cache nginx php83-fpm\nCMD php-fpm83 && nginx -g "daemon off;"\n' },
    { name: 'explicit signal on an unknown base', code: 'FROM registry.example.com/openresty:1\nSTOPSIGNAL SIGTERM\nCMD ["nginx", "-g", "daemon off;"]\n' },
    { name: 'a stage that is not run', code: 'FROM debian:12-slim AS build\nRUN echo nginx\nFROM nginx:1.27\n' },
  ],
  invalid: [
    {
      name: 'nginx installed on debian',
      code: `FROM debian:12-slim\n${install}CMD ["nginx", "-g", "daemon off;"]\n`,
      errors: [{ at: '3:7-3:12', messageId: 'missing', data: { program: 'nginx', current: 'SIGTERM', why: 'but nginx finishes its open requests only on SIGQUIT (SIGTERM makes it drop them)', signal: 'SIGQUIT' }, fixes: ['setSignal'] }],
      output: null,
      unsafeOutput: `FROM debian:12-slim\n${install}STOPSIGNAL SIGQUIT\nCMD ["nginx", "-g", "daemon off;"]\n`,
    },
    {
      name: 'official nginx overridden',
      code: 'FROM nginx:1.27\nSTOPSIGNAL SIGTERM\n',
      errors: [{ at: '2:12-2:19', messageId: 'overridden', data: { current: 'SIGTERM', program: 'nginx', why: 'but nginx finishes its open requests only on SIGQUIT (SIGTERM makes it drop them)' }, fixes: ['setSignal'] }],
      output: null,
      unsafeOutput: 'FROM nginx:1.27\nSTOPSIGNAL SIGQUIT\n',
    },
    {
      name: 'systemd behind tini; php-fpm through an entrypoint script',
      code: 'FROM fedora:41\nENTRYPOINT ["/usr/bin/tini", "--", "/usr/sbin/init"]\nFROM alpine:3.21\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["php-fpm83", "-F"]\n',
      errors: [
        { at: '2:37-2:51', messageId: 'missing', data: { program: 'init', current: 'SIGTERM', why: 'but systemd shuts its services down only on SIGRTMIN+3 (on SIGTERM it does not stop, and Docker kills it after the timeout)', signal: 'SIGRTMIN+3' }, fixes: ['setSignal'] },
        { at: '5:7-5:16', messageId: 'missing', data: { program: 'php-fpm83', current: 'SIGTERM', why: 'but php-fpm finishes its running requests only on SIGQUIT (SIGTERM kills them)', signal: 'SIGQUIT' }, fixes: ['setSignal'] },
      ],
      output: null,
      unsafeOutput: 'FROM fedora:41\nSTOPSIGNAL SIGRTMIN+3\nENTRYPOINT ["/usr/bin/tini", "--", "/usr/sbin/init"]\nFROM alpine:3.21\nENTRYPOINT ["docker-entrypoint.sh"]\nSTOPSIGNAL SIGQUIT\nCMD ["php-fpm83", "-F"]\n',
    },
    {
      name: 'apache on php cli image, shell form',
      code: 'FROM php:8.3-cli\nCMD apache2-foreground\n',
      errors: [{ at: '2:5-2:23', messageId: 'missing', data: { program: 'apache2-foreground', current: 'SIGTERM', why: 'but Apache httpd finishes its open requests only on SIGWINCH (SIGTERM drops them)', signal: 'SIGWINCH' }, fixes: ['setSignal'] }],
      output: null,
      unsafeOutput: 'FROM php:8.3-cli\nSTOPSIGNAL SIGWINCH\nCMD apache2-foreground\n',
    },
  ],
});
