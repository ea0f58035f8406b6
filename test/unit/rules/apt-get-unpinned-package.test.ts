import rule from '../../../server/src/engine/rules/apt-get-unpinned-package';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    {
      name: 'build dependencies purged by apt-mark auto and --auto-remove (the docker-library pattern)',
      code: 'FROM debian:12-slim\nRUN set -eux; savedAptMark="$(apt-mark showmanual)"; apt-get update; apt-get install -y --no-install-recommends gcc make; make; apt-mark auto \'.*\' > /dev/null; apt-mark manual $savedAptMark; apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; rm -rf /var/lib/apt/lists/*\n',
    },
    { name: 'a build dependency purged by name', code: 'FROM debian:12-slim\nRUN apt-get install -y gcc=4:12.2.0-3 libc6-dev && make && apt-get purge -y libc6-dev\n' },
    { name: 'a glob', code: 'FROM debian:12-slim\nRUN apt-get install -y \'libcanberra-gtk*\'\n' },
    'FROM debian:12-slim\nRUN apt-get install -y curl=7.88.1-10+deb12u8\n',
    'FROM debian:12-slim\nRUN apt-get install -y -t bookworm-backports curl/bookworm-backports ./local.deb\n',
    'FROM debian:12-slim\nRUN apt-get update && apt-get upgrade -y\n',
    { name: 'an ARG that holds pinned packages', code: 'FROM debian:12-slim\nARG PKGS="curl=7.88.1-10 git=1:2.39.5-0"\nRUN apt-get install -y $PKGS\n' },
    { name: 'a variable we cannot resolve is not judged', code: 'FROM debian:12-slim\nRUN apt-get install -y "$(cat /pkgs)"\n' },
    { name: 'apt (not apt-get) is left to apt-instead-of-apt-get', code: 'FROM debian:12-slim\nRUN apt install -y curl\n' },
  ],
  invalid: [
    {
      name: 'one finding per install command, naming only what is unpinned and not purged',
      code: 'FROM debian:12-slim\nRUN apt-get install -y \\\n      curl \\\n      gcc \\\n      jq=1.6-2.1 \\\n      wget \\\n  && apt-get purge -y gcc\n',
      errors: [{ at: '3:7-6:11', messageId: 'unpinned', message: /^Pin the version of `curl`, `wget` \(/ }],
    },
    {
      code: 'FROM debian:12-slim\nRUN apt-get install -y --no-install-recommends curl git=1:2.39.5-0\n',
      errors: [{ at: '2:48-2:67', messageId: 'unpinned', message: /^Pin the version of `curl` \(`apt-get install <package>=<version>`\)$/ }],
    },
    {
      name: 'an ENV list with one unpinned package, a -o value, sh -c and ONBUILD',
      code: 'FROM debian:12-slim\nENV PKGS="curl=7.88 git"\nRUN apt-get -o Debug::x=1 install -y ${PKGS}\nRUN sh -c "apt-get install -y jq"\nONBUILD RUN apt-get install -y make\n',
      errors: [{ at: '3:38-3:45', messageId: 'unpinned', message: /`git`/ }, { at: '4:31-4:33', messageId: 'unpinned' }, { at: '5:32-5:36', messageId: 'unpinned' }],
    },
  ],
});
