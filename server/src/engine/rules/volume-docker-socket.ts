import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';

// The Docker daemon's socket, where clients look for it; in plain or JSON form, quoted or not, with a trailing slash.
const SOCKET = /(^|[\s[,"'])((?:\/var)?\/run\/docker\.sock)\/?(?=$|[\s\],"'])/g;

export default defineRule({
  meta: {
    id: 'volume-docker-socket',
    aliases: {},
    counterparts: { differences: 'Reads both forms of VOLUME (plain and JSON array) and both socket paths, `/var/run/docker.sock` and `/run/docker.sock`, and underlines the path.' },
    category: 'security',
    status: 'stable',
    defaultSeverity: 'warning',
    scope: 'stage',
    messages: {
      dockerSocket: 'VOLUME `{path}`: the image expects the Docker daemon\'s socket, which gives the container root on the host',
    },
    docs: {
      summary: '`VOLUME /var/run/docker.sock`',
      why: 'Whoever can talk to the Docker socket can start a privileged container that mounts the host\'s disk: an image built to receive it is root on the host, and so is anyone who takes over its process. The VOLUME itself does not even bring the socket in: without `-v /var/run/docker.sock:…` Docker creates an empty directory there, and the client fails. If the container really must drive Docker, document the bind mount for the user to choose, or use a rootless daemon or a socket proxy that only allows the calls it needs.',
      examples: [
        { bad: 'FROM docker:27-cli\nVOLUME /var/run/docker.sock\n', good: 'FROM docker:27-cli\nENV DOCKER_HOST=tcp://docker-proxy:2375\n' },
      ],
      references: ['https://docs.docker.com/engine/security/#docker-daemon-attack-surface', 'https://docs.docker.com/reference/dockerfile/#volume'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    const volume = (instr: Instr): void => {
      for (const arg of instr.args) {
        const raw = model.text.slice(arg.start, arg.end);
        SOCKET.lastIndex = 0;
        for (let m = SOCKET.exec(raw); m; m = SOCKET.exec(raw)) {
          const start = arg.start + m.index + m[1].length;
          ctx.report({ start, end: start + m[2].length, messageId: 'dockerSocket', data: { path: m[2] } });
        }
      }
    };
    return { instructions: { VOLUME: volume }, triggers: { VOLUME: volume } };
  },
});
