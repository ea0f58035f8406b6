import { defineRule } from '../rule';
import { supplementaryGroups } from '../model/users';

export default defineRule({
  meta: {
    id: 'user-group-drops-supplementary',
    aliases: {},
    counterparts: {
      tally: ['user-explicit-group-drops-supplementary-groups'],
      differences: 'Reports `USER name:group` only when the Dockerfile gives that user supplementary groups (useradd -G, usermod -aG, gpasswd -a, adduser/addgroup user group), the case where something is lost.',
    },
    category: 'runtime',
    status: 'stable',
    defaultSeverity: 'info',
    scope: 'stage',
    messages: {
      dropsGroups: '`USER {user}:{group}` names a group, so the process does not get {user}\'s other groups ({groups}) given above',
    },
    docs: {
      summary: '`USER name:group` drops the supplementary groups the Dockerfile gave the user',
      why: 'With `USER name` the container runtime looks the user up in /etc/passwd and /etc/group and gives the process the user\'s primary group and every group the user is a member of. With `USER name:group` it sets that one group and no supplementary groups at all: a user added to `video`, `docker` or `audio` with `usermod -aG` loses that access, and the permission error shows only at run time. Write `USER name` when the user\'s own primary group is meant, or give the access another way.',
      examples: [
        { bad: 'FROM debian:12-slim\nRUN useradd -m app && usermod -aG video app\nUSER app:app\n', good: 'FROM debian:12-slim\nRUN useradd -m app && usermod -aG video app\nUSER app\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#user'],
    },
  },
  create(ctx) {
    return {
      instructions: {
        USER(instr) {
          const stage = instr.stage;
          const arg = instr.args[0];
          if (!stage || !arg || instr.args.length !== 1 || arg.value.includes('$')) return;
          const colon = arg.value.indexOf(':');
          if (colon <= 0 || colon === arg.value.length - 1) return;
          const user = arg.value.slice(0, colon);
          const group = arg.value.slice(colon + 1);
          const groups = [...supplementaryGroups(stage, user, instr)].filter((g) => g !== group);
          if (!groups.length) return;
          ctx.report({ start: arg.start + colon, end: arg.end, messageId: 'dropsGroups', data: { user, group, groups: groups.join(', ') } });
        },
      },
    };
  },
});
