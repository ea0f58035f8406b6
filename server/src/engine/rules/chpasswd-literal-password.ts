import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand, ShellWord } from '../model/shell';
import { baseName, commandRunBy, isCommand, parseArgs } from '../model/commands';

/** A word whose value is fixed text: no expansion nor command substitution outside single quotes, `\$` is a dollar. */
const literal = (w: ShellWord) => !/(^|[^\\])[$`]/.test(w.raw.replace(/'[^']*'/g, ''));

export default defineRule({
  meta: {
    id: 'chpasswd-literal-password',
    aliases: {},
    counterparts: { checkov: ['CKV2_DOCKER_17'], differences: 'Reports only a password written in the file (`echo \'root:secret\' | chpasswd`, `passwd --stdin`), not one read from a secret mount or a variable, and underlines the text that holds it.' },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      literalPassword: 'A password written in the Dockerfile is set with `{command}`: it stays in the image history and in every copy of the source',
    },
    docs: {
      summary: 'A literal password piped into `chpasswd` or `passwd`',
      why: '`echo \'root:secret\' | chpasswd` writes the password into the Dockerfile, the build log and the image history (`docker history` shows every RUN), so everyone who can pull the image or read the repository knows it, and every container of the image has the same one. Leave password login off and use keys, or set the password when the container starts from a secret; at build time read it from a secret mount (`RUN --mount=type=secret,id=pw …`).',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN echo \'root:changeme\' | chpasswd\n', good: 'FROM debian:12-slim\nRUN --mount=type=secret,id=rootpw printf \'root:%s\\n\' "$(cat /run/secrets/rootpw)" | chpasswd\n' },
      ],
      references: ['https://docs.docker.com/build/building/secrets/', 'https://docs.docker.com/reference/cli/docker/image/history/'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    /** The literal words `echo`/`printf` write into the pipeline before `cmd`, when its input is one of them. */
    const feeder = (cmd: ShellCommand, instr: Instr): ShellWord[] => {
      if (cmd.pipeline === undefined) return [];
      const before = instr.run!.commands.filter((c) => c.pipeline === cmd.pipeline && c.end <= cmd.start);
      const source = before[before.length - 1];
      if (!source || !isCommand(source, 'echo', 'printf')) return [];
      const words = parseArgs(source).operands;
      return words.length && words.every(literal) ? words : [];
    };
    const judge = (cmd: ShellCommand, instr: Instr): void => {
      const c = commandRunBy(cmd);
      const name = baseName(c);
      let words: ShellWord[] = [];
      if (name === 'chpasswd') {
        // `user:password` lines (`-e`: already hashed, still the same credential for every container).
        words = feeder(cmd, instr).filter((w) => /[^:\s]+:[^:\s]/.test(w.value));
      } else if (name === 'passwd') {
        // `passwd --stdin user` reads one password; plain `passwd` reads it twice from a terminal or a pipe.
        words = feeder(cmd, instr).filter((w) => w.value.trim() !== '' && !w.value.startsWith('-'));
      }
      // The body of `chpasswd <<< 'root:pw'` is not among the words: judged from the text after the command.
      if (name === 'chpasswd' && !words.length) {
        const tail = model.text.slice(c.nameWord.end, Math.min(instr.end, c.end + 200));
        const m = /^\s*<<<\s*(['"]?)([^\s'"$`]+:[^\s'"$`]+)\1/.exec(tail);
        if (m) {
          const start = c.nameWord.end + m.index + m[0].length - m[2].length - m[1].length;
          ctx.report({ start, end: start + m[2].length, messageId: 'literalPassword', data: { command: name } });
          return;
        }
      }
      if (!words.length) return;
      ctx.report({ start: words[0].start, end: words[words.length - 1].end, messageId: 'literalPassword', data: { command: name } });
    };
    return { commands: { chpasswd: judge, passwd: judge } };
  },
});
