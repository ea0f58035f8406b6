import rule from '../../../server/src/engine/rules/python-https-verify-off';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM python:3.13-slim\nENV PYTHONHTTPSVERIFY=1\n',
    { name: 'an ARG without default, a variable value, another name', code: 'FROM python:3.13-slim\nARG PYTHONHTTPSVERIFY\nENV PYTHONHTTPSVERIFY=$V PYTHONHTTPSVERIFYX=0\n' },
    { name: 'a bare assignment is not exported; echo and comments', code: 'FROM python:3.13-slim\n# ENV PYTHONHTTPSVERIFY=0\nRUN PYTHONHTTPSVERIFY=0; echo PYTHONHTTPSVERIFY=0 && python -c "print(1)"\n' },
  ],
  invalid: [
    {
      name: 'alone in an ENV: the instruction goes',
      code: 'FROM python:3.13-slim\nENV PYTHONHTTPSVERIFY=0\nRUN pip install x\n',
      errors: [{ at: '2:5-2:24', messageId: 'verifyOff', data: { name: 'PYTHONHTTPSVERIFY' }, fixes: ['removeVariable'] }],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nRUN pip install x\n',
    },
    {
      name: 'quoted, legacy form, among other pairs, in ONBUILD',
      code: 'FROM python:3.13-slim\nENV PYTHONHTTPSVERIFY="0" LANG=C.UTF-8\nENV PYTHONHTTPSVERIFY 0\nONBUILD ENV A=1 PYTHONHTTPSVERIFY=0\n',
      errors: [
        { at: '2:5-2:26', messageId: 'verifyOff', fixes: ['removeVariable'] },
        { at: '3:5-3:24', messageId: 'verifyOff', fixes: ['removeVariable'] },
        { at: '4:17-4:36', messageId: 'verifyOff', fixes: ['removeVariable'] },
      ],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nENV LANG=C.UTF-8\nONBUILD ENV A=1\n',
    },
    {
      name: 'exported by RUN commands',
      code: 'FROM python:3.13-slim\nRUN PYTHONHTTPSVERIFY=0 python get.py\nRUN export PYTHONHTTPSVERIFY=0 && python get.py\nRUN env PYTHONHTTPSVERIFY=0 python get.py\nARG PYTHONHTTPSVERIFY=0\n',
      errors: [
        { at: '2:5-2:24', messageId: 'verifyOff', fixes: ['removeVariable'] },
        { at: '3:12-3:31', messageId: 'verifyOff', fixes: ['removeVariable'] },
        { at: '4:9-4:28', messageId: 'verifyOff', fixes: ['removeVariable'] },
        { at: '5:5-5:24', messageId: 'verifyOff', fixes: ['removeVariable'] },
      ],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nRUN python get.py\nRUN python get.py\nRUN env python get.py\n',
    },
  ],
});
