import rule from '../../../server/src/engine/rules/pip-unpinned-package';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install flask==3.0.3 "requests>=2.31" django~=5.0\n',
    'FROM python:3.12-slim\nRUN pip install -r requirements.txt\n',
    'FROM python:3.12-slim\nRUN pip install --requirement=requirements.txt -e .\n',
    'FROM python:3.12-slim\nRUN pip install -c constraints.txt flask\n',
    'FROM python:3.12-slim\nRUN pip install . ./pkg /wheels/app-1.0-py3-none-any.whl app.tar.gz\n',
    'FROM python:3.12-slim\nRUN pip install "app @ https://example.com/app.zip" git+https://github.com/x/y@v1.0\n',
    'FROM python:3.12-slim\nRUN pip install -i https://pypi.example.com/simple --target /opt flask==3.0.3\n',
    'FROM python:3.12-slim\nRUN pipenv install flask\n',
    'FROM python:3.12-slim\nRUN pip install git+https://user:pw@git.example.com/r-ext.git@0.6-alpha#egg=r-ext "x @ git+https://git.example.com/x.git@v1"\n',
    'FROM python:3.12-slim\nRUN pip3 install --build /opt/yamllint --trusted-host host yamllint==1.20.0 --user\n',
    'FROM python:3.12-slim\nRUN python -m venv /venv && pip freeze\n',
  ],
  invalid: [
    {
      name: 'a VCS URL without a revision',
      code: 'FROM python:3.12-slim\nRUN pip install git+https://github.com/rtfd/read-ext.git#egg=read-ext "x @ git+https://user:pw@git.example.com/x.git"\n',
      errors: [{ at: '2:17-2:118', messageId: 'unpinned', message: /^Pin the revision of `git\+https:\/\/github.com\/rtfd\/read-ext.git#egg=read-ext`, `x @ git\+https:\/\/user:pw@git.example.com\/x.git` \(end the URL with `@<tag>` or `@<commit>`\)$/ }],
    },
    { code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n', errors: [{ at: '2:32-2:37', messageId: 'unpinned', message: /`flask`/ }] },
    {
      name: 'pip3, python3 -m pip, packages beside -r, and ONBUILD',
      code: 'FROM python:3.12-slim\nRUN pip3 install -U pip && python3 -m pip install -r req.txt gunicorn\nONBUILD RUN pip install uvicorn\n',
      errors: [{ at: '2:21-2:24', messageId: 'unpinned' }, { at: '2:62-2:70', messageId: 'unpinned' }, { at: '3:25-3:32', messageId: 'unpinned' }],
    },
  ],
});
