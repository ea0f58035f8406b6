import rule from '../../../server/src/engine/rules/add-instead-of-copy';
import { testRule } from '../../support/rule-tester';

/** A 512-byte ustar header block for `name`, one character per byte, with its checksum. */
function tarHeader(name: string): string {
  const block = new Array<string>(512).fill('\0');
  const put = (at: number, text: string) => { for (let i = 0; i < text.length; i++) block[at + i] = text[i]; };
  put(0, name);
  put(100, '0000755\0');
  put(124, '00000000000\0');
  put(156, '5');
  put(257, 'ustar\0' + '00');
  put(148, '        ');
  const sum = block.reduce((n, c) => n + c.charCodeAt(0), 0);
  put(148, sum.toString(8).padStart(6, '0') + '\0 ');
  return block.join('');
}

testRule(rule, {
  valid: [
    'FROM alpine:3.21\nADD rootfs.tar.gz /\n',
    'FROM alpine:3.21\nADD https://example.com/tool /usr/local/bin/tool\n',
    'FROM alpine:3.21\nADD --checksum=sha256:abc https://example.com/a /a\n',
    'FROM alpine:3.21\nADD git@github.com:org/repo.git /src\n',
    'FROM alpine:3.21\nCOPY app.py /srv/\n',
    { name: 'an archive name in any letter case is unpacked', code: 'FROM alpine:3.21\nADD rootfs.TAR.GZ /\nADD Bundle.Tar /opt/\n' },
    { name: 'an ARG default that is a URL is fetched', code: 'FROM alpine:3.21\nARG TOOL_URL=https://example.com/tool\nADD $TOOL_URL /usr/local/bin/tool\n' },
    { name: 'an ENV value that names an archive', code: 'FROM alpine:3.21\nENV PKG=app-1.2.tgz\nADD ${PKG} /opt/\n' },
    { name: 'a URL whatever its variables (an ARG without a default)', code: 'FROM alpine:3.21\nARG PHP_VERSION\nADD https://www.php.net/distributions/php-${PHP_VERSION}.tar.gz.asc .\nADD --chmod=644 https://example.com/v$V/agent.jar /app/agent.jar\n' },
    { name: 'an archive name whatever its variables', code: 'FROM alpine:3.21\nARG V\nADD app-${V}.tar.gz /opt/\n' },
    { name: 'JSON form: the archive name is read', code: 'FROM alpine:3.21\nADD ["rootfs.tar.xz", "/"]\n' },
    { name: 'a gzip file without an archive name is unpacked', code: 'FROM alpine:3.21\nADD rootfs /\n', files: { rootfs: '\x1f\x8b\x08\x00\x00\x00\x00\x00' } },
    { name: 'a tar file without an archive name is unpacked', code: 'FROM alpine:3.21\nADD ./dist/app.bin /opt/\n', files: { 'dist/app.bin': tarHeader('app/') } },
  ],
  invalid: [
    {
      code: 'FROM alpine:3.21\nADD app.py /srv/app.py\n',
      errors: [{ at: '2:1-2:4', messageId: 'addForLocalFiles', message: /use COPY/, fixes: ['useCopy'] }],
      output: 'FROM alpine:3.21\nCOPY app.py /srv/app.py\n',
    },
    {
      name: 'a wildcard may match an archive: unsafe',
      code: 'FROM alpine:3.21\nADD --chown=app dist/* /srv/\n',
      errors: [{ at: '2:1-2:4', messageId: 'addForLocalFiles', fixes: ['useCopyUncertain'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nCOPY --chown=app dist/* /srv/\n',
    },
    {
      name: 'lowercase keyword stays lowercase; .zip is not extracted by ADD',
      code: 'FROM alpine:3.21\nadd bundle.zip /opt/\n',
      errors: [{ at: '2:1-2:4', messageId: 'addForLocalFiles', fixes: ['useCopy'] }],
      output: 'FROM alpine:3.21\ncopy bundle.zip /opt/\n',
    },
    {
      name: 'a file in the context that is no archive: safe',
      code: 'FROM alpine:3.21\nADD app.py /srv/\n',
      files: { 'app.py': 'print("hi")\n'.padEnd(600, '#') },
      errors: [{ at: '2:1-2:4', messageId: 'addForLocalFiles', fixes: ['useCopy'] }],
      output: 'FROM alpine:3.21\nCOPY app.py /srv/\n',
    },
    {
      name: 'a variable without a value here may be a URL or an archive: unsafe',
      code: 'FROM alpine:3.21\nARG SRC\nADD $SRC /srv/\n',
      errors: [{ at: '3:1-3:4', messageId: 'addForLocalFiles', fixes: ['useCopyUncertain'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nARG SRC\nCOPY $SRC /srv/\n',
    },
    {
      name: 'a variable with a local value: safe',
      code: 'FROM alpine:3.21\nARG CONF=conf/app.ini\nADD ${CONF} /etc/app.ini\n',
      errors: [{ at: '3:1-3:4', messageId: 'addForLocalFiles', fixes: ['useCopy'] }],
      output: 'FROM alpine:3.21\nARG CONF=conf/app.ini\nCOPY ${CONF} /etc/app.ini\n',
    },
    {
      name: 'JSON form of plain files',
      code: 'FROM alpine:3.21\nADD ["app.py", "/srv/"]\n',
      errors: [{ at: '2:1-2:4', messageId: 'addForLocalFiles', fixes: ['useCopy'] }],
      output: 'FROM alpine:3.21\nCOPY ["app.py", "/srv/"]\n',
    },
    {
      name: 'ONBUILD ADD',
      code: 'FROM alpine:3.21\nONBUILD ADD . /app\n',
      errors: [{ at: '2:9-2:12', messageId: 'addForLocalFiles', fixes: ['useCopy'] }],
      output: 'FROM alpine:3.21\nONBUILD COPY . /app\n',
    },
  ],
});
