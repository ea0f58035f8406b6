import rule from '../../../server/src/engine/rules/pip-install-missing-no-cache-dir';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: '--no-cache, a start of --no-cache-dir pip accepts', code: 'FROM python:3.13-slim\nRUN pip3 install --no-cache mqtt-io\n' },
    { name: 'the cache removed later in the RUN', code: 'FROM python:3.13-slim\nRUN pip3 install flask && rm -rf /root/.cache/pip\n' },
    { name: 'a builder stage: its cache never ships', code: 'FROM python:3.13 AS build\nRUN pip wheel -w /wheels flask && pip install flask\nFROM python:3.13-slim\nCOPY --from=build /wheels /wheels\n' },
    'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask\n',
    { name: 'ENV in the stage', code: 'FROM python:3.13-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'ENV inherited from a parent stage', code: 'FROM python:3.13-slim AS base\nENV PIP_NO_CACHE_DIR=true\nFROM base\nRUN pip3 install flask\n' },
    { name: 'assignment prefix', code: 'FROM python:3.13-slim\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n' },
    { name: 'export earlier in the RUN', code: 'FROM python:3.13-slim\nRUN export PIP_NO_CACHE_DIR=on && pip install flask\n' },
    { name: 'cache mount', code: 'FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n' },
    { name: 'pipx and pipenv are other tools', code: 'FROM python:3.13-slim\nRUN pipx install black && pipenv install\n' },
    'FROM python:3.13-slim\nRUN pip freeze\n',
  ],
  invalid: [
    { code: 'FROM python:3.13-slim\nRUN pip install -r requirements.txt\n', errors: [{ at: '2:5-2:8', messageId: 'missingNoCacheDir', message: /--no-cache-dir/, fixes: ['addNoCacheDir'] }], output: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir -r requirements.txt\n' },
    { name: 'python -m pip', code: 'FROM python:3.13-slim\nRUN python3 -m pip install --upgrade pip\n', errors: [{ at: '2:5-2:12', messageId: 'missingNoCacheDir', fixes: ['addNoCacheDir'] }], output: 'FROM python:3.13-slim\nRUN python3 -m pip install --no-cache-dir --upgrade pip\n' },
    { name: 'ENV set to 0 does not count', code: 'FROM python:3.13-slim\nENV PIP_NO_CACHE_DIR=0\nRUN pip install flask\n', errors: [{ at: '3:5-3:8', messageId: 'missingNoCacheDir', fixes: ['addNoCacheDir'] }], output: 'FROM python:3.13-slim\nENV PIP_NO_CACHE_DIR=0\nRUN pip install --no-cache-dir flask\n' },
  ],
});
