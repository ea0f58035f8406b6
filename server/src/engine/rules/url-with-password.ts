import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { valueSpans } from './support';

// `scheme://user:password@`: the user (group 1) and the password (group 2) of a URL's user information.
const USERINFO = /(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*:\/\/([^\s/:@'"]*):([^\s/@'"]+)@(?=[A-Za-z0-9[])/g;

/**
 * A password that is none: a variable or command substitution (`$TOKEN`, `${TOKEN}`, `$(cat …)`), a template
 * (`{{ .pw }}`, `<password>`, `%s`), a mask (`***`, `xxxx`), or anonymous FTP's customary e-mail address.
 */
function notAPassword(user: string, password: string): boolean {
  if (/[$`]|\{\{|^<.*>$|%s|^\*+$|^x{3,}$/i.test(password)) return true;
  return user.toLowerCase() === 'anonymous' || user.toLowerCase() === 'ftp';
}

export default defineRule({
  meta: {
    id: 'url-with-password',
    aliases: {},
    counterparts: {
      kics: ['Passwords And Secrets - Password in URL'],
      differences: 'Reads only the words of commands and the values of ARG, ENV and ADD (not comments), reports just the password, and leaves out passwords that come from a variable or a command substitution.',
    },
    category: 'security',
    status: 'preview',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      passwordInUrl: 'The URL carries a literal password for `{user}`: it is stored in the file and in the image\'s history; pass it with a secret mount',
    },
    docs: {
      summary: 'A URL with a literal password (`https://user:password@host`)',
      why: 'A password in a URL is as public as the Dockerfile: it is committed with it, and the RUN, ARG or ENV that holds it is kept in the image\'s history or config, readable by anyone who pulls the image. Tools also print URLs in their logs. Give the build the password with `RUN --mount=type=secret` (read it into the URL inside the RUN, or use a `.netrc` mounted as a secret), and the container at run time. A password that comes from a variable (`https://ci:${TOKEN}@…`) is not reported here: where that variable comes from is secret-in-arg-or-env\'s concern.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN curl -fsSL -o /tmp/a.tgz https://deploy:s3cr3t-Pa55@repo.example.com/a.tgz\n', good: 'FROM debian:12-slim\nRUN --mount=type=secret,id=netrc,target=/root/.netrc curl -fsSL --netrc -o /tmp/a.tgz https://repo.example.com/a.tgz\n' },
      ],
      references: ['https://docs.docker.com/build/building/secrets/', 'https://everything.curl.dev/usingcurl/netrc.html'],
    },
  },
  create(ctx) {
    const text = ctx.model.text;
    const seen = new Set<number>();
    const judge = (instr: Instr) => {
      for (const span of valueSpans(instr)) {
        const word = text.slice(span.start, span.end);
        for (const m of word.matchAll(USERINFO)) {
          const [all, user, password] = m;
          if (notAPassword(user, password)) continue;
          const start = span.start + m.index + all.length - 1 - password.length;
          if (seen.has(start)) continue;
          seen.add(start);
          ctx.report({ start, end: start + password.length, messageId: 'passwordInUrl', data: { user } });
        }
      }
    };
    const handlers = { RUN: judge, ENV: judge, ARG: judge, ADD: judge };
    return { instructions: handlers, triggers: handlers };
  },
});
