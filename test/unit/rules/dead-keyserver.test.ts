import rule from '../../../server/src/engine/rules/dead-keyserver';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN gpg --batch --keyserver keyserver.ubuntu.com --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4\n',
    'FROM debian:12-slim\nRUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4\n',
    { name: 'in a comment only', code: 'FROM debian:12-slim\n# was: ha.pool.sks-keyservers.net\nRUN gpg --keyserver keyserver.ubuntu.com --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4\n' },
    { name: 'a shell comment inside the RUN', code: 'FROM debian:12-slim\nRUN gpg --keyserver keyserver.ubuntu.com --recv-keys ABCD # not ha.pool.sks-keyservers.net\n' },
    { name: 'a host that only ends like one', code: 'FROM debian:12-slim\nRUN gpg --keyserver mykeys.gnupg.network --recv-keys ABCD\n' },
    { name: 'a variable naming the server', code: 'FROM debian:12-slim\nARG KEYSERVER=keyserver.ubuntu.com\nRUN gpg --keyserver "$KEYSERVER" --recv-keys ABCD\n' },
    { name: 'a LABEL', code: 'FROM debian:12-slim\nLABEL note="keys from keys.gnupg.net once"\n' },
  ],
  invalid: [
    {
      name: 'gpg --keyserver',
      code: 'FROM debian:12-slim\nRUN gpg --keyserver ha.pool.sks-keyservers.net --recv-keys ABCD\n',
      errors: [{ at: '2:21-2:47', messageId: 'deadKeyserver', data: { host: 'ha.pool.sks-keyservers.net' }, fixes: ['useUbuntu'] }],
      unsafeOutput: 'FROM debian:12-slim\nRUN gpg --keyserver keyserver.ubuntu.com --recv-keys ABCD\n',
    },
    {
      name: 'an hkp URL with a port, written with =',
      code: 'FROM debian:12-slim\nRUN gpg --keyserver=hkp://p80.pool.sks-keyservers.net:80 --recv-keys ABCD\n',
      errors: [{ at: '2:27-2:54', messageId: 'deadKeyserver', data: { host: 'p80.pool.sks-keyservers.net' }, fixes: ['useUbuntu'] }],
      unsafeOutput: 'FROM debian:12-slim\nRUN gpg --keyserver=hkp://keyserver.ubuntu.com:80 --recv-keys ABCD\n',
    },
    {
      name: 'apt-key adv with keys.gnupg.net, quoted, inside sh -c',
      code: 'FROM debian:12-slim\nRUN sh -c "apt-key adv --keyserver keys.gnupg.net --recv-keys ABCD"\n',
      errors: [{ at: '2:36-2:50', messageId: 'deadKeyserver', data: { host: 'keys.gnupg.net' }, fixes: ['useUbuntu'] }],
      unsafeOutput: 'FROM debian:12-slim\nRUN sh -c "apt-key adv --keyserver keyserver.ubuntu.com --recv-keys ABCD"\n',
    },
    {
      name: 'a server list for a loop, one finding each',
      code: 'FROM debian:12-slim\nRUN for server in $(shuf -e ha.pool.sks-keyservers.net \\\n      keyserver.ubuntu.com); do gpg --keyserver "$server" --recv-keys ABCD && break || :; done\n',
      errors: [{ at: '2:29-2:55', messageId: 'deadKeyserver', fixes: ['useUbuntu'] }],
      unsafeOutput: 'FROM debian:12-slim\nRUN for server in $(shuf -e keyserver.ubuntu.com \\\n      keyserver.ubuntu.com); do gpg --keyserver "$server" --recv-keys ABCD && break || :; done\n',
    },
    {
      name: 'an ENV value and an ONBUILD trigger',
      code: 'FROM debian:12-slim\nENV GPG_KEYSERVER=hkps://hkps.pool.sks-keyservers.net\nONBUILD RUN gpg --keyserver keys.gnupg.net --recv-keys ABCD\n',
      errors: [{ at: '2:26-2:54', messageId: 'deadKeyserver', fixes: ['useUbuntu'] }, { at: '3:29-3:43', messageId: 'deadKeyserver', fixes: ['useUbuntu'] }],
      unsafeOutput: 'FROM debian:12-slim\nENV GPG_KEYSERVER=hkps://keyserver.ubuntu.com\nONBUILD RUN gpg --keyserver keyserver.ubuntu.com --recv-keys ABCD\n',
    },
    {
      name: 'in a heredoc, upper case',
      code: 'FROM debian:12-slim\nRUN <<EOF\ngpg --keyserver HA.POOL.SKS-KEYSERVERS.NET --recv-keys ABCD\nEOF\n',
      errors: [{ at: '3:17-3:43', messageId: 'deadKeyserver', data: { host: 'HA.POOL.SKS-KEYSERVERS.NET' }, fixes: ['useUbuntu'] }],
      unsafeOutput: 'FROM debian:12-slim\nRUN <<EOF\ngpg --keyserver keyserver.ubuntu.com --recv-keys ABCD\nEOF\n',
    },
  ],
});
