import { defineRule, type FixInput } from '../rule';
import type { DockerfileModel, Stage } from '../model/dockerfile';
import { isCommand, parseArgs } from '../model/commands';
import { distroFamily, rootStage } from '../model/base-images';

/** A numeric id for `name` created in this stage chain by useradd/adduser (`kind: user`) or groupadd/addgroup. */
function createdId(_model: DockerfileModel, stage: Stage, name: string, kind: 'user' | 'group'): string | undefined {
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    for (const instr of s.instructions) {
      for (const c of instr.run?.commands ?? []) {
        const tools = kind === 'user' ? ['useradd', 'adduser'] : ['groupadd', 'addgroup'];
        if (!isCommand(c, ...tools)) continue;
        const flag = kind === 'user' ? ['u', 'uid'] : ['g', 'gid'];
        const valueFlags = ['u', 'uid', 'g', 'gid', 'G', 'groups', 'd', 'home', 'home-dir', 's', 'shell', 'c', 'comment', 'gecos', 'h', 'k', 'K', 'p', 'b', 'e', 'f', 'ingroup', 'firstuid', 'lastuid', 'conf'];
        const { flags, operands } = parseArgs(c, valueFlags);
        if (operands[0]?.value !== name) continue;
        const id = flags.find((f) => flag.includes(f.name))?.value;
        if (id && /^\d+$/.test(id)) return id;
      }
    }
  }
  return undefined;
}

export default defineRule({
  meta: {
    id: 'user-non-numeric',
    aliases: { hadolint: 'DL3066' },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'info',
    fixable: 'unsafe',
    messages: {
      userName: '`USER {user}` is a name; use the numeric UID so runAsNonRoot can verify it',
      userNameWithUid: '`USER {user}` is a name; use the numeric UID ({uid}) so runAsNonRoot can verify it',
      useUid: 'Use USER {uid}',
      useUidGid: 'Use USER {uid}:{gid}',
    },
    docs: {
      summary: 'The image runs as a user name instead of a numeric UID',
      why: 'Kubernetes `runAsNonRoot` (and other admission checks) can only verify a numeric user: with `USER app` the pod is refused ("image has non-numeric user, cannot verify user is non-root"). A numeric `USER 10001` also works when /etc/passwd is missing or differs. Only the user the image finally runs as matters, so only the last USER of the final stage is checked. Windows images are not checked: their accounts (`ContainerUser`) have no numeric id.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN useradd -u 10001 app\nUSER app\n', good: 'FROM debian:12-slim\nRUN useradd -u 10001 app\nUSER 10001\n' },
      ],
      fixSafety: 'When this Dockerfile creates the user (and group) with an explicit id, the fix writes that id. A numeric USER gets supplementary groups and HOME from /etc/passwd only if an entry with that UID exists, which it does here; scripts that read $USER may see a different value.',
      references: ['https://kubernetes.io/docs/concepts/security/pod-security-standards/', 'https://docs.docker.com/reference/dockerfile/#user'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const stage = model.finalStage;
    if (!stage) return;
    // Windows accounts (ContainerUser, ContainerAdministrator) have no numeric id to write instead.
    const base = rootStage(stage).image;
    if (!base.unresolved.length && distroFamily(base) === 'windows') return;
    let last;
    for (let s: Stage | undefined = stage; s && !last; s = s.parent) last = [...s.instructions].reverse().find((i) => i.keyword === 'USER');
    if (!last || !last.args.length) return;
    const arg = last.args[0];
    const [user, group] = arg.value.split(':');
    if (/^\d+$/.test(user) || /[$]/.test(user) || user === 'root' || user === '') return;
    const uid = createdId(model, stage, user, 'user');
    const fixes: FixInput[] = [];
    if (uid) {
      const gid = group === undefined || /^\d+$/.test(group) ? group : createdId(model, stage, group, 'group') ?? group;
      const edits = [{ start: arg.start, end: arg.end, text: `${uid}${gid !== undefined ? `:${gid}` : ''}` }];
      fixes.push(gid !== undefined ? { titleId: 'useUidGid', data: { uid, gid }, safety: 'unsafe', edits } : { titleId: 'useUid', data: { uid }, safety: 'unsafe', edits });
    }
    if (uid) ctx.report({ start: arg.start, end: arg.start + user.length, messageId: 'userNameWithUid', data: { user, uid }, fixes });
    else ctx.report({ start: arg.start, end: arg.start + user.length, messageId: 'userName', data: { user }, fixes });
  },
});
