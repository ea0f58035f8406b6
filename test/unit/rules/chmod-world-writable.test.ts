import rule from '../../../server/src/engine/rules/chmod-world-writable';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM debian:12-slim\nRUN chmod 755 /app && chmod 0644 /etc/app.conf && chmod 775 /data\n',
    { name: 'sticky shared directories', code: 'FROM debian:12-slim\nRUN chmod 1777 /tmp && chmod 3777 /var/run/postgresql && chmod a+rwxt /scratch && mkdir -m 1777 /shared\n' },
    { name: '+w alone is filtered by the umask', code: 'FROM debian:12-slim\nRUN chmod +w file && chmod -R +rwX /app\n' },
    { name: 'write for the owner and group only', code: 'FROM debian:12-slim\nRUN chmod -R g+w,o-w /app && chmod ug+rwx /data && chmod o+rx /srv && chmod a-w /etc/x\n' },
    { name: 'a later clause takes it away', code: 'FROM debian:12-slim\nRUN chmod a+rwx,o-w /app\n' },
    { name: 'o= sets others to nothing', code: 'FROM debian:12-slim\nRUN chmod o= /app\n' },
    { name: 'variables are not judged', code: 'FROM debian:12-slim\nARG MODE=777\nRUN chmod "$MODE" /app\n' },
    { name: 'echo, comments and other commands are not chmod', code: 'FROM debian:12-slim\n# chmod 777 /app\nRUN echo chmod 777 /app && stat -c 777 /app\n' },
    { name: '--reference copies another file\'s mode', code: 'FROM debian:12-slim\nRUN chmod --reference=/etc/passwd 777\n' },
    { name: 'mkdir and install without a world-writable mode', code: 'FROM debian:12-slim\nRUN mkdir -p -m 755 /a && install -m 0644 a /b && mkdir -pv /777\n' },
    'FROM debian:12-slim\nCOPY --chmod=755 run.sh /usr/local/bin/\n',
    { name: 'a named pipe every user may signal through', code: 'FROM debian:12-slim\nRUN mkfifo /var/spool/nullmailer/trigger && chown mail:root /var/spool/nullmailer/trigger && chmod 0622 /var/spool/nullmailer/trigger\n' },
    { name: 'a temporary directory removed later in the same RUN', code: 'FROM debian:12-slim\nRUN tempDir="$(mktemp -d)" && chmod 777 "$tempDir" && apt-get update && rm -rf "$tempDir"/ && mkdir -m 777 /b && rm -r /b\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:12-slim\nRUN mkdir /data && chmod 777 /data\n',
      errors: [{ at: '2:26-2:29', messageId: 'worldWritable', data: { mode: '777' }, fixes: ['useMode'] }],
      unsafeOutput: 'FROM debian:12-slim\nRUN mkdir /data && chmod 775 /data\n',
    },
    {
      name: 'recursive, four digits, through sudo and sh -c',
      code: 'FROM debian:12-slim\nRUN chmod -R 0777 /app && sudo chmod 666 /etc/app.conf && sh -c "chmod 0757 /x"\n',
      errors: [
        { at: '2:14-2:18', messageId: 'worldWritable', data: { mode: '0777' }, fixes: ['useMode'] },
        { at: '2:38-2:41', messageId: 'worldWritable', data: { mode: '666' }, fixes: ['useMode'] },
        { at: '2:72-2:76', messageId: 'worldWritable', data: { mode: '0757' }, fixes: ['useMode'] },
      ],
      unsafeOutput: 'FROM debian:12-slim\nRUN chmod -R 0775 /app && sudo chmod 664 /etc/app.conf && sh -c "chmod 0755 /x"\n',
    },
    {
      name: 'removed later, but only one of the two paths, or not recursively',
      code: 'FROM debian:12-slim\nRUN chmod 777 /tmp/a /srv && rm -rf /tmp/a && chmod 777 /c && rm -f /c\n',
      errors: [{ at: '2:11-2:14', messageId: 'worldWritable', data: { mode: '777' }, fixes: ['useMode'] }, { at: '2:53-2:56', messageId: 'worldWritable', data: { mode: '777' }, fixes: ['useMode'] }],
      unsafeOutput: 'FROM debian:12-slim\nRUN chmod 775 /tmp/a /srv && rm -rf /tmp/a && chmod 775 /c && rm -f /c\n',
    },
    {
      name: 'symbolic modes have no mechanical fix',
      code: 'FROM debian:12-slim\nRUN chmod o+w /a && chmod -R a+rwX /b && chmod u=rwx,go=rwx /c\n',
      errors: [
        { at: '2:11-2:14', messageId: 'worldWritable', data: { mode: 'o+w' } },
        { at: '2:30-2:35', messageId: 'worldWritable', data: { mode: 'a+rwX' } },
        { at: '2:48-2:60', messageId: 'worldWritable', data: { mode: 'u=rwx,go=rwx' } },
      ],
    },
    {
      name: 'mkdir -m and install -m, glued and long',
      code: 'FROM debian:12-slim\nRUN mkdir -pm777 /a && mkdir --mode=0777 /b && install -m 666 x /c\n',
      errors: [
        { at: '2:14-2:17', messageId: 'worldWritable', data: { mode: '777' }, fixes: ['useMode'] },
        { at: '2:37-2:41', messageId: 'worldWritable', data: { mode: '0777' }, fixes: ['useMode'] },
        { at: '2:59-2:62', messageId: 'worldWritable', data: { mode: '666' }, fixes: ['useMode'] },
      ],
      unsafeOutput: 'FROM debian:12-slim\nRUN mkdir -pm775 /a && mkdir --mode=0775 /b && install -m 664 x /c\n',
    },
    {
      name: 'COPY and ADD --chmod, ONBUILD, a heredoc',
      code: 'FROM debian:12-slim\nCOPY --chmod=666 app.conf /etc/app/\nONBUILD ADD --chmod=777 run.sh /bin/\nRUN <<EOF\nchmod 777 /srv\nEOF\n',
      errors: [
        { at: '2:14-2:17', messageId: 'worldWritable', data: { mode: '666' }, fixes: ['useMode'] },
        { at: '3:21-3:24', messageId: 'worldWritable', data: { mode: '777' }, fixes: ['useMode'] },
        { at: '5:7-5:10', messageId: 'worldWritable', data: { mode: '777' }, fixes: ['useMode'] },
      ],
      unsafeOutput: 'FROM debian:12-slim\nCOPY --chmod=664 app.conf /etc/app/\nONBUILD ADD --chmod=775 run.sh /bin/\nRUN <<EOF\nchmod 775 /srv\nEOF\n',
    },
  ],
});
