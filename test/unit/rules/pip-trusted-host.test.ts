import rule from '../../../server/src/engine/rules/pip-trusted-host';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM python:3.13-slim\nRUN pip install --no-cache-dir app==1.2\n',
    { name: 'echo, a comment, another program', code: 'FROM python:3.13-slim\n# pip install --trusted-host x\nRUN echo pip install --trusted-host x && uv pip install --trusted-host x y\n' },
    { name: 'a value of -i, an empty variable, an ARG without default', code: 'FROM python:3.13-slim\nARG PIP_TRUSTED_HOST\nENV PIP_TRUSTED_HOST=\nRUN pip install -i --trusted-host app\n' },
    { name: 'python without -m pip', code: 'FROM python:3.13-slim\nRUN python setup.py --trusted-host x\n' },
  ],
  invalid: [
    {
      name: 'with a separate value',
      code: 'FROM python:3.13-slim\nRUN pip install --trusted-host pypi.internal -i http://pypi.internal/simple app==1.2\n',
      errors: [{ at: '2:17-2:45', messageId: 'trustedHost', data: { flag: '--trusted-host pypi.internal' }, fixes: ['removeFlag'] }],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nRUN pip install -i http://pypi.internal/simple app==1.2\n',
    },
    {
      name: 'with =, abbreviated, under python -m pip and pip3',
      code: 'FROM python:3.13-slim\nRUN python3 -m pip install --trusted=a.internal x && pip3 install --trusted-host=b.internal y\n',
      errors: [{ at: '2:28-2:48', messageId: 'trustedHost', data: { flag: '--trusted=a.internal' }, fixes: ['removeFlag'] }, { at: '2:67-2:92', messageId: 'trustedHost', fixes: ['removeFlag'] }],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nRUN python3 -m pip install x && pip3 install y\n',
    },
    {
      name: 'the variable in ENV (other pairs kept), in ARG, and on a RUN command',
      code: 'FROM python:3.13-slim\nENV PIP_NO_CACHE_DIR=1 PIP_TRUSTED_HOST=pypi.internal LANG=C.UTF-8\nARG PIP_TRUSTED_HOST=pypi.internal\nRUN PIP_TRUSTED_HOST=pypi.internal pip install x\n',
      errors: [
        { at: '2:24-2:54', messageId: 'trustedHostVariable', data: { name: 'PIP_TRUSTED_HOST', value: '`pypi.internal`' }, fixes: ['removeVariable'] },
        { at: '3:5-3:35', messageId: 'trustedHostVariable', fixes: ['removeVariable'] },
        { at: '4:5-4:35', messageId: 'trustedHostVariable', fixes: ['removeVariable'] },
      ],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nENV PIP_NO_CACHE_DIR=1 LANG=C.UTF-8\nRUN pip install x\n',
    },
    {
      name: 'pip config set',
      code: 'FROM python:3.13-slim\nRUN pip config set global.trusted-host pypi.internal && pip install x\n',
      errors: [{ at: '2:20-2:53', messageId: 'trustedHostConfig', data: { key: 'global.trusted-host', value: '`pypi.internal`' }, fixes: ['removeCommand'] }],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nRUN pip install x\n',
    },
  ],
});
