import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import type { ShellCommand } from '../model/shell';
import { commandRunBy, isCommand } from '../model/commands';
import { resolvedOperand } from './support';

// gpg's options that take the next word as their value (the common ones in Dockerfiles).
const VALUE_OPTIONS = new Set(['--keyserver', '--homedir', '--keyserver-options', '--keyring', '--primary-keyring', '--options', '--trustdb-name', '--status-fd', '--logger-fd']);
// What asks a keyserver for keys by id; gpg also takes `--recv`, a unique prefix of `--recv-keys`.
const RECEIVE = /^--(recv(-keys?)?|receive-keys?)$/;

/** `0x`-prefixed or bare hex, blanks allowed between groups (`"B42F 6819 …"`): its digits, or undefined. */
function keyDigits(spec: string): string | undefined {
  const digits = spec.replace(/^0x/i, '').replace(/\s+/g, '');
  return /^[0-9A-Fa-f]+$/.test(digits) ? digits : undefined;
}

export default defineRule({
  meta: {
    id: 'gpg-short-key-id',
    aliases: {},
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      shortKeyId: '`{key}` is a short key id (8 hex digits): anyone can make a key with the same id. Receive the key by its full 40-digit fingerprint',
      longKeyId: '`{key}` is a long key id (16 hex digits), weaker than the key\'s full 40-digit fingerprint: use the fingerprint',
    },
    docs: {
      summary: '`gpg --recv-keys` with a short or long key id instead of the fingerprint',
      why: 'A keyserver returns every key whose id matches what you ask for. An 8-digit short id is 32 bits: colliding keys are made in seconds (the "evil32" set copies the short ids of thousands of real keys), so the build may import and then trust an attacker\'s key. A 16-digit long id is harder to collide but still only a part of the fingerprint. Ask for the full 40-digit fingerprint, as the official images do (`gpg --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4`), so the key received is the one you meant.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys 0xBF357DD4\n', good: 'FROM debian:12-slim\nRUN gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4\n' },
      ],
      references: ['https://manpages.debian.org/bookworm/gpg/gpg.1.en.html'],
    },
    counterparts: {
      differences: 'Reads the key ids after `--recv-keys` (also through `apt-key adv` and from ARG/ENV values) and tells short ids from long ones.',
    },
  },
  create(ctx) {
    const { model } = ctx;
    const judge = (called: ShellCommand, instr: Instr): void => {
      // Also called for what runs them (`sudo gpg …`, `xargs gpg …`): the command they run is read.
      const cmd = commandRunBy(called);
      if (isCommand(cmd, 'apt-key')) {
        if (cmd.args[0]?.value !== 'adv') return;
      } else if (!isCommand(cmd, 'gpg', 'gpg2')) return;
      const at = cmd.args.findIndex((w) => RECEIVE.test(w.value));
      if (at < 0) return;
      for (let i = at + 1; i < cmd.args.length; i++) {
        const w = cmd.args[i];
        if (w.value.startsWith('-') && !w.quoted) {
          if (VALUE_OPTIONS.has(w.value)) i++;
          continue;
        }
        // A variable we cannot read (a `for key in …` loop's) is not judged.
        for (const spec of resolvedOperand(model, instr, w) ?? []) {
          const digits = keyDigits(spec);
          if (digits?.length !== 8 && digits?.length !== 16) continue;
          ctx.report({ start: w.start, end: w.end, messageId: digits.length === 8 ? 'shortKeyId' : 'longKeyId', data: { key: spec } });
        }
      }
    };
    return { commands: { gpg: judge, gpg2: judge, 'apt-key': judge } };
  },
});
