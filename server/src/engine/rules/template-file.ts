import { defineRule } from '../rule';
import { parseFailures } from '../model/syntax';

export default defineRule({
  meta: {
    id: 'template-file',
    aliases: {},
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'info',
    messages: {
      placeholder: 'A template, not a Dockerfile: a generator fills in `{text}` before Docker can read it. Instructions with template text are not linted; lint the Dockerfiles generated from it',
      placeholderAndOne: 'A template, not a Dockerfile: a generator fills in `{text}` and the template text of 1 more instruction before Docker can read it. Instructions with template text are not linted; lint the Dockerfiles generated from it',
      placeholderAndMore: 'A template, not a Dockerfile: a generator fills in `{text}` and the template text of {count} more instructions before Docker can read it. Instructions with template text are not linted; lint the Dockerfiles generated from it',
      named: 'A template, not a Dockerfile: it is named as one, and `{text}` will only parse once a generator has filled it in. Instructions with template text are not linted; lint the Dockerfiles generated from it',
      namedAndOne: 'A template, not a Dockerfile: it is named as one, and `{text}` and 1 more instruction will only parse once a generator has filled it in. Instructions with template text are not linted; lint the Dockerfiles generated from it',
      namedAndMore: 'A template, not a Dockerfile: it is named as one, and `{text}` and {count} more instructions will only parse once a generator has filled it in. Instructions with template text are not linted; lint the Dockerfiles generated from it',
    },
    docs: {
      summary: 'A template, not a Dockerfile',
      why: 'Files such as docker-library\'s `Dockerfile.template` (jq `{{ … }}` blocks), nginx\'s `%%NGINX_VERSION%%` templates or a devcontainer template\'s `${templateOption:…}` are filled in by a generator before Docker reads them: as they stand, Docker cannot build them. Read as a Dockerfile, a template is a flood of wrong findings (every line of a jq block an "unknown instruction", `{{` a base image without a tag) and of fixes that mangle it. So the file gets this one finding, at its first placeholder, and the instructions that hold template text are not linted; the rest of the file is. Lint the Dockerfiles generated from it for the full picture. A placeholder counts when no Dockerfile could have it: `{{` or `{%` in place of a keyword or in a FROM line, `%%NAME%%` or `${templateOption:name}` anywhere in an instruction (`{{` inside a RUN alone is shell text, as in `docker inspect -f \'{{.Id}}\'`). A file named as a template (`Dockerfile.template`, `.tmpl`, `.tpl`, `.j2`) whose placeholders look like shell is one too when some of its lines do not parse: they are what a placeholder left.',
      examples: [
        { bad: 'FROM alpine:{{ .AlpineVersion }}\nRUN apk add --no-cache curl\n', good: 'FROM alpine:3.21\nRUN apk add --no-cache curl\n' },
        { bad: 'FROM debian:%%DEBIAN_VERSION%%-slim\nENV NGINX_VERSION=%%NGINX_VERSION%%\n', good: 'FROM debian:bookworm-slim\nENV NGINX_VERSION=1.27.4\n' },
      ],
      references: ['https://github.com/docker-library/official-images#library-definition-files', 'https://containers.dev/implementors/templates/'],
    },
  },
  check(ctx) {
    const { template, unparsed } = parseFailures(ctx.model, ctx.files?.dockerfileName);
    if (!template) return;
    let held = 0;
    for (let i = 0; i < unparsed.length; i++) if (unparsed[i].owner === 'template-file') held++;
    const others = held - 1;
    // Found by its placeholders, or by its name; alone, or with other instructions it holds back.
    const placeholder = template.by === 'placeholder';
    const messageId = others > 1 ? (placeholder ? 'placeholderAndMore' : 'namedAndMore')
      : others === 1 ? (placeholder ? 'placeholderAndOne' : 'namedAndOne')
      : placeholder ? 'placeholder' : 'named';
    ctx.report({ start: template.start, end: template.end, messageId, data: others > 1 ? { text: template.text, count: others } : { text: template.text } });
  },
});
