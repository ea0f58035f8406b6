import rule from '../../../server/src/engine/rules/git-ssl-verify-off';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM alpine:3.21\nRUN git config --global http.sslVerify true && git clone https://git.example/a.git\n',
    { name: 'other keys, --unset, a -c after the subcommand, -c without a value', code: 'FROM alpine:3.21\nRUN git config --global http.sslCAInfo /x && git config --unset http.sslVerify && git clone -c http.sslVerify=false https://a/b && git -c http.sslVerify clone https://a/c\n' },
    { name: 'echo, a comment, an ARG without default', code: 'FROM alpine:3.21\n# git config http.sslVerify false\nARG GIT_SSL_NO_VERIFY\nRUN echo git config http.sslVerify false\n' },
  ],
  invalid: [
    {
      name: 'git config, in any case of the key',
      code: 'FROM alpine:3.21\nRUN git config --global http.sslverify false && git clone https://git.example/a.git\n',
      errors: [{ at: '2:25-2:45', messageId: 'configOff', data: { key: 'http.sslverify', value: 'false' }, fixes: ['removeCommand'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nRUN git clone https://git.example/a.git\n',
    },
    {
      name: 'for one URL, with the set form, alone in its RUN',
      code: 'FROM alpine:3.21\nRUN git config set --system http.https://git.example/.sslVerify 0\nRUN git clone https://git.example/a.git\n',
      errors: [{ at: '2:29-2:66', messageId: 'configOff', fixes: ['removeCommand'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nRUN git clone https://git.example/a.git\n',
    },
    {
      name: '-c before the subcommand',
      code: 'FROM alpine:3.21\nRUN git -c http.sslVerify=false clone https://git.example/a.git\n',
      errors: [{ at: '2:9-2:32', messageId: 'optionOff', data: { option: '-c http.sslVerify=false' }, fixes: ['removeOption'] }],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nRUN git clone https://git.example/a.git\n',
    },
    {
      name: 'the variable, whatever its value',
      code: 'FROM alpine:3.21\nENV GIT_SSL_NO_VERIFY=false\nARG GIT_SSL_NO_VERIFY=1\nRUN GIT_SSL_NO_VERIFY=true git clone https://git.example/a.git\n',
      errors: [
        { at: '2:5-2:28', messageId: 'variableOff', data: { name: 'GIT_SSL_NO_VERIFY' }, fixes: ['removeVariable'] },
        { at: '3:5-3:24', messageId: 'variableOff', fixes: ['removeVariable'] },
        { at: '4:5-4:27', messageId: 'variableOff', fixes: ['removeVariable'] },
      ],
      output: null,
      unsafeOutput: 'FROM alpine:3.21\nRUN git clone https://git.example/a.git\n',
    },
  ],
});
