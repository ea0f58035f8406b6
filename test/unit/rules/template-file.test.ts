import rule from '../../../server/src/engine/rules/template-file';
import { testRule } from '../../support/rule-tester';

testRule(rule, {
  valid: [
    { name: 'a Go template in a RUN is shell text', code: "FROM alpine:3.21\nRUN docker inspect -f '{{.Id}}' app > /id || true\n" },
    { name: "a shell's %% expansion", code: 'FROM alpine:3.21\nARG VERSION=3.12.1\nRUN echo "${VERSION%%.*}" "${VERSION%%[a-z]*}"\n' },
    { name: 'nested expansions close with }}', code: 'FROM alpine:3.21\nENV A=${B:-${C}}\n' },
    { name: 'a placeholder in a comment', code: '# FROM alpine:{{ .Version }} in the template this came from; %%NAME%% too\nFROM alpine:3.21\n' },
    { name: 'unknown instructions alone do not make a template', code: 'FROM alpine:3.21\napk add curl\n' },
  ],
  invalid: [
    {
      name: 'a jq template (docker-library)',
      code: '{{\n  def is_alpine:\n    env.variant | startswith("alpine")\n  ;\n-}}\n{{ if is_alpine then ( -}}\nFROM alpine:{{ env.variant | ltrimstr("alpine") }}\n{{ ) else ( -}}\nFROM debian:{{ env.variant }}-slim\n{{ ) end -}}\nENV LANG=C.UTF-8\nRUN set -eux; \\\n  apt-get install -y \\\n{{ if is_slim then ( -}}\n    netbase \\\n{{ ) end -}}\n  ;\n',
      errors: [{ at: '1:1-1:3', messageId: 'placeholderAndMore', data: { text: '{{', count: '12' }, message: /^A template, not a Dockerfile: a generator fills in `\{\{` and the template text of 12 more instructions before Docker can read it/ }],
    },
    {
      name: "nginx's %%NAME%% placeholders",
      code: 'FROM debian:%%DEBIAN_VERSION%%-slim\nENV NGINX_VERSION=%%NGINX_VERSION%%\nRUN apt-get update\n',
      errors: [{ at: '1:13-1:31', messageId: 'placeholderAndOne', data: { text: '%%DEBIAN_VERSION%%' }, message: /fills in `%%DEBIAN_VERSION%%` and the template text of 1 more instruction before/ }],
    },
    {
      name: 'a devcontainer template option',
      code: 'FROM mcr.microsoft.com/devcontainers/python:1-${templateOption:imageVariant}\nRUN pip install --no-cache-dir poetry\n',
      errors: [{ at: '1:47-1:77', messageId: 'placeholder', data: { text: '${templateOption:imageVariant}' }, message: /fills in `\$\{templateOption:imageVariant\}` before/ }],
    },
    {
      name: 'a Jinja block in place of a keyword',
      code: 'FROM python:3.13-slim\n{% if with_node %}\nRUN apt-get install -y nodejs\n{% endif %}\n',
      errors: [{ at: '2:1-2:3', messageId: 'placeholderAndOne', message: /fills in `\{%` and the template text of 1 more instruction/ }],
    },
    {
      name: 'the first placeholder in an instruction, past one in a comment',
      code: '# ENV V=%%OLD%%\nFROM alpine:3.21\nENV V=%%VERSION%%\n',
      errors: [{ at: '3:7-3:18', messageId: 'placeholder', message: /fills in `%%VERSION%%` before/ }],
    },
  ],
});
