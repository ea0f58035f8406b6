import rule from '../../../server/src/engine/rules/apt-get-missing-yes';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'install -s and --dry-run only simulate: nothing asks', code: 'FROM debian:12-slim\nRUN apt-get install -s curl && apt-get --dry-run purge curl\n' },
    'FROM debian:12-slim\nRUN apt-get install -y curl\n',
    'FROM debian:12-slim\nRUN apt-get --yes install curl\n',
    'FROM debian:12-slim\nRUN apt-get install --assume-yes curl\n',
    'FROM debian:12-slim\nRUN apt-get -qq install curl\n',
    'FROM debian:12-slim\nRUN apt-get -q -q install curl\n',
    'FROM debian:12-slim\nRUN apt-get -yq install curl\n',
    'FROM debian:12-slim\nRUN apt-get update\n',
    { name: 'exec form is not parsed as shell', code: 'FROM debian:12-slim\nRUN ["apt-get", "install", "curl"]\n' },
  ],
  invalid: [
    {
      // Found by the property tests (FUZZ_SEED=577215664): ` -y ` made `install<<EOF` into `install -y <<EOF`,
      // a heredoc Docker reads (it takes `<<EOF` as one only at the start of a word), swallowing the lines below.
      name: 'no fix before a glued <<',
      code: 'FROM debian:12-slim\nRUN apt-get install<<EOF curl\nRUN --mount=type=cache,target=/var/cache/apt true\nEOF\n',
      errors: [{ at: '2:5-2:12', messageId: 'missingYes' }],
      output: null,
    },
    {
      name: 'upgrade and purge ask too, also through xargs',
      code: 'FROM debian:12-slim\nRUN apt-get upgrade && xargs -r apt-get purge < /tmp/deps\n',
      errors: [{ at: '2:5-2:12', messageId: 'missingYes', data: { subcommand: 'upgrade' }, message: /`apt-get upgrade`/, fixes: ['addYes'] }, { at: '2:33-2:40', messageId: 'missingYes', data: { subcommand: 'purge' }, message: /`apt-get purge`/, fixes: ['addYes'] }],
      output: 'FROM debian:12-slim\nRUN apt-get upgrade -y && xargs -r apt-get purge -y < /tmp/deps\n',
    },
    {
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install curl\n',
      errors: [{ at: '2:23-2:30', messageId: 'missingYes', data: { subcommand: 'install' }, message: /without `-y`/, fixes: ['addYes'] }],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y curl\n',
    },
    {
      name: 'on a continuation line, with a comment inside',
      code: 'FROM debian:12-slim\nRUN apt-get update \\\n  # tools\n  && apt-get -o Dpkg::Options::=--force-confnew install \\\n     curl\n',
      errors: [{ at: '4:6-4:13', messageId: 'missingYes', fixes: ['addYes'] }],
      output: 'FROM debian:12-slim\nRUN apt-get update \\\n  # tools\n  && apt-get -o Dpkg::Options::=--force-confnew install -y \\\n     curl\n',
    },
    {
      name: 'quiet level 3 is not level 2',
      code: 'FROM debian:12-slim\nRUN apt-get -qqq install curl\n',
      errors: [{ at: '2:5-2:12', messageId: 'missingYes', fixes: ['addYes'] }],
      output: 'FROM debian:12-slim\nRUN apt-get -qqq install -y curl\n',
    },
    {
      name: 'inside sh -c and a heredoc, and ONBUILD',
      code: 'FROM debian:12-slim\nRUN sh -c \'apt-get install curl\'\nRUN <<EOF\napt-get install git\nEOF\nONBUILD RUN apt-get install make\n',
      errors: [{ at: '2:12-2:19', messageId: 'missingYes', fixes: ['addYes'] }, { at: '4:1-4:8', messageId: 'missingYes', fixes: ['addYes'] }, { at: '6:13-6:20', messageId: 'missingYes', fixes: ['addYes'] }],
      output: 'FROM debian:12-slim\nRUN sh -c \'apt-get install -y curl\'\nRUN <<EOF\napt-get install -y git\nEOF\nONBUILD RUN apt-get install -y make\n',
    },
  ],
});
