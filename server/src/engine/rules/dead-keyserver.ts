import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { valueSpans } from './support';
import { deadKeyserverHosts, mentionsDeadKeyserver, REPLACEMENT_KEYSERVER } from '../data/keyservers';

export default defineRule({
  meta: {
    id: 'dead-keyserver',
    aliases: {},
    counterparts: {
      differences: 'No other linter knows the SKS pool is gone; Dockwise reads the words of every command (gpg, apt-key, a `for` list through `shuf -e`) and ARG/ENV values, not comments, and offers the Ubuntu key server in its place.',
    },
    category: 'correctness',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    fixable: 'unsafe',
    messages: {
      deadKeyserver: '`{host}` is a dead key server (the SKS pool shut down in 2021): fetching a key from it fails or hangs until it times out',
      useUbuntu: 'Use keyserver.ubuntu.com (unsafe: another server answers)',
    },
    docs: {
      summary: 'A key server that no longer exists (`*.pool.sks-keyservers.net`, `keys.gnupg.net`)',
      why: 'The SKS key server pool (`ha.pool.sks-keyservers.net`, `hkp://p80.pool.sks-keyservers.net:80`, and `keys.gnupg.net`, which pointed at it) was shut down in June 2021. A `gpg --recv-keys` or `apt-key adv --keyserver` against it fails, often only after a long timeout, and a loop over several servers spends that timeout on every build. Use `keyserver.ubuntu.com`, which still serves the old keys with their user ids, or better, download the project\'s published key over HTTPS and check its fingerprint.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN gpg --batch --keyserver ha.pool.sks-keyservers.net --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4\n', good: 'FROM debian:12-slim\nRUN gpg --batch --keyserver keyserver.ubuntu.com --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4\n' },
      ],
      fixSafety: 'The fix asks keyserver.ubuntu.com instead. The key is still checked by its fingerprint when the command names one (a full 40-digit fingerprint); a short key id could match another key there, so check what the command asks for. keys.openpgp.org is not offered: it drops the user ids of keys whose owner never confirmed an email address, and gpg then refuses to import them.',
      references: ['https://www.gnupg.org/documentation/manuals/gnupg/GPG-Configuration-Options.html'],
    },
  },
  create(ctx) {
    const text = ctx.model.text;
    const seen = new Set<number>();
    const report = (start: number, host: string) => {
      if (seen.has(start)) return;
      seen.add(start);
      const end = start + host.length;
      ctx.report({ start, end, messageId: 'deadKeyserver', data: { host }, fixes: [{ titleId: 'useUbuntu', safety: 'unsafe', edits: [{ start, end, text: REPLACEMENT_KEYSERVER }] }] });
    };
    const scan = (start: number, end: number) => {
      for (const h of deadKeyserverHosts(text.slice(start, end))) report(start + h.index, h.host);
    };
    // The words of every command, never a comment; ARG and ENV values.
    const judge = (instr: Instr) => {
      if (!mentionsDeadKeyserver(text.slice(instr.start, instr.end))) return;
      for (const s of valueSpans(instr)) scan(s.start, s.end);
    };
    return { instructions: { RUN: judge, ENV: judge, ARG: judge }, triggers: { RUN: judge, ENV: judge, ARG: judge } };
  },
});
