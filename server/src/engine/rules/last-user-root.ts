import { defineRule } from '../rule';
import { rootByDesign } from '../model/runtime-user';
import { isRootUser, lastUser, nonRootUserEdit } from './non-root-user-fix';

export default defineRule({
  meta: {
    id: 'last-user-root',
    aliases: { hadolint: 'DL3002' },
    counterparts: {
      tally: ['hadolint/DL3002'],
      checkov: ['CKV_DOCKER_8'],
      trivy: ['DS-0002'],
      kics: ["Last User Is 'root'"],
      sonar: ['S6471'],
      differences: 'Checks only the final stage, with the USER it inherits from the stage it is built FROM, skips images that start as root by design (gosu, su-exec, nginx), and offers a fix.',
    },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    messages: {
      inheritsRoot: 'The final stage inherits USER {user} from stage {stage}: the container runs as root',
      lastUserRoot: 'The final stage\'s last USER is root: the container runs as root',
      addUser: 'Add {instruction} before the runtime instructions (unsafe: the process loses root)',
    },
    docs: {
      summary: 'The last USER is root',
      why: 'A Dockerfile that switches to root for a few steps and never switches back ships an image whose process runs as root: root on any volume it can reach, and one kernel or runtime bug away from root on the host. Switch back to the unprivileged user after the steps that need root. Only the final stage (and the stages it is built FROM) is checked: builder stages never run. Not reported where starting as root is the design: an entrypoint that gives up root itself (gosu, su-exec, setpriv, `chroot --userspec`, s6), a server that runs its work as its own user, an image that opens a shell or interpreter prompt (a base image that hands root back to the images built on it), a Dev Container or Dev Environment, Windows and WebAssembly images.',
      examples: [
        { bad: 'FROM python:3.13-slim\nRUN useradd --system app\nUSER app\nCOPY app.py /srv/\nUSER root\nRUN pip install --no-cache-dir flask==3.1.0\nCMD ["python", "/srv/app.py"]\n', good: 'FROM python:3.13-slim\nRUN useradd --system app\nUSER app\nCOPY app.py /srv/\nUSER root\nRUN pip install --no-cache-dir flask==3.1.0\nUSER app\nCMD ["python", "/srv/app.py"]\n' },
      ],
      fixSafety: 'Unsafe: the process loses root. Files it writes at run time and ports below 1024 may need changes. The fix switches back to the user of an earlier USER, else to the user the Dockerfile creates, else to the one the image provides, else creates a system user `app`.',
      references: ['https://docs.docker.com/build/building/best-practices/#user'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    return {
      // What counts is the last USER of the final stage (or of a stage it is built FROM): judged after the walk,
      // on a file that has a USER.
      instructions: { USER() { /* judged in done() */ } },
      done() {
        const stage = model.finalStage;
        const user = stage && lastUser(stage);
        if (!stage || !user?.args.length) return;
        const value = user.args[0].value;
        if (!isRootUser(value) || rootByDesign(model, stage, ctx.files)) return;
        const fix = nonRootUserEdit(model, stage, user);
        const fixes = fix ? [{ titleId: 'addUser', data: { instruction: fix.instruction }, safety: 'unsafe' as const, edits: [fix.edit] }] : [];
        if (user.stage !== stage) {
          // lastUser finds the USER among a stage's instructions: it has a stage.
          const from = user.stage!;
          ctx.report({ start: stage.imageStart, end: stage.imageEnd, messageId: 'inheritsRoot', data: { user: value, stage: from.alias ?? from.index }, fixes });
          return;
        }
        ctx.report({ start: user.args[0].start, end: user.args[user.args.length - 1].end, messageId: 'lastUserRoot', fixes });
      },
    };
  },
});
