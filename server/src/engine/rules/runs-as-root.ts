import { defineRule } from '../rule';
import { defaultsToNonRoot, distroFamily, rootStage } from '../model/base-images';
import { imageUser, rootByDesign } from '../model/runtime-user';
import { lastUser, nonRootUserEdit } from './non-root-user-fix';

export default defineRule({
  meta: {
    id: 'runs-as-root',
    aliases: {},
    counterparts: {
      checkov: ['CKV_DOCKER_3'],
      trivy: ['DS-0002'],
      kics: ['Missing User Instruction'],
      sonar: ['S6471'],
      differences: 'Checks only the final stage, skips base images that already run as non-root and images that start as root by design, and offers a fix that adds a USER.',
    },
    category: 'security',
    status: 'preview',
    defaultSeverity: 'warning',
    fixable: 'unsafe',
    messages: {
      neverSetsUser: "The final stage never sets USER, so it runs as {image}'s default user, root",
      neverSetsUserScratch: 'The final stage never sets USER, so it runs as uid 0',
      addUser: 'Add {instruction} before the runtime instructions (unsafe: the process loses root)',
    },
    docs: {
      summary: 'The image never sets USER, so it runs as root',
      why: 'A process running as root inside the container is root on any volume it can reach, and one kernel or runtime bug away from root on the host. Switching the final stage to an unprivileged USER is the cheapest hardening there is. Builder stages may stay root: only the final stage runs. Not reported where starting as root is the design: an entrypoint that gives up root itself (gosu, su-exec, setpriv, `chroot --userspec`, s6), a server that runs its work as its own user (nginx, Apache httpd, php-fpm, sshd), an image that opens a shell or interpreter prompt (a base or toolbox image, such as one without CMD built on a distribution: whoever builds on it picks the user), a Dev Container or Dev Environment, Windows and WebAssembly images, and a base image whose start the engine does not know when the file sets no CMD or ENTRYPOINT. A final USER of root is last-user-root\'s finding.',
      examples: [
        { bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n', good: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n' },
        { bad: 'FROM python:3.13-slim\nRUN useradd --system app\nCOPY app.py /srv/\nCMD ["python", "/srv/app.py"]\n', good: 'FROM python:3.13-slim\nRUN useradd --system app\nCOPY app.py /srv/\nUSER app\nCMD ["python", "/srv/app.py"]\n' },
      ],
      fixSafety: 'Unsafe: the process loses root. Files it writes at run time (outside volumes that allow it) and ports below 1024 may need changes, such as COPY --chown or a different port. The fix switches to the user the Dockerfile creates, else the one the image provides (`node`, distroless\'s 65532), else creates a system user `app`.',
      references: ['https://docs.docker.com/build/building/best-practices/#user'],
    },
  },
  check(ctx) {
    const { model } = ctx;
    const stage = model.finalStage;
    if (!stage || lastUser(stage)) return;
    const base = rootStage(stage).image;
    if (base.unresolved.length || defaultsToNonRoot(base) || imageUser(stage) || distroFamily(base) === 'windows') return;
    if (rootByDesign(model, stage, ctx.files)) return;
    const fix = nonRootUserEdit(model, stage);
    ctx.report({
      start: stage.imageStart,
      end: stage.imageEnd,
      // scratch has no users at all, so no default user to name.
      ...(base.name === 'scratch' ? { messageId: 'neverSetsUserScratch' } : { messageId: 'neverSetsUser', data: { image: base.resolved } }),
      fixes: fix ? [{ titleId: 'addUser', data: { instruction: fix.instruction }, safety: 'unsafe', edits: [fix.edit] }] : [],
    });
  },
});
