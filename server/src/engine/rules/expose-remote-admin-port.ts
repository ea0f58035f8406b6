import { defineRule } from '../rule';
import type { Instr, Stage } from '../model/dockerfile';

// Ports of remote shell and remote desktop services, and the service.
const ADMIN_PORTS: ReadonlyMap<number, string> = new Map([
  [22, 'SSH'],
  [23, 'Telnet'],
  [3389, 'RDP'],
  [5800, 'VNC over HTTP'],
  [5900, 'VNC'],
]);

// Programs and packages of those servers: a stage that installs or runs one exposes its port on purpose.
const SERVERS: Record<string, RegExp> = {
  SSH: /^(sshd|openssh|openssh-server|dropbear)$/,
  Telnet: /^(in\.telnetd|telnetd|busybox-extras|inetutils-telnetd)$/,
  RDP: /^(xrdp)$/,
  'VNC over HTTP': /^(novnc|websockify|x11vnc|vncserver|xvnc|tigervnc[a-z-]*|tightvncserver)$/,
  VNC: /^(x11vnc|vncserver|xvnc|tigervnc[a-z-]*|tightvncserver)$/,
};

/** Every word the stage (and the stages it is built from) runs: RUN commands and their arguments, CMD and ENTRYPOINT. */
function stageWords(stage: Stage): string[] {
  const out: string[] = [];
  for (let s: Stage | undefined = stage; s; s = s.parent) {
    for (const instr of s.instructions) {
      if (instr.run) for (const c of instr.run.commands) out.push(c.name, ...c.args.map((a) => a.value));
      else if (instr.keyword === 'CMD' || instr.keyword === 'ENTRYPOINT') out.push(...instr.args.map((a) => a.value.replace(/^\[?"?|"?,?\]?$/g, '')));
    }
  }
  // Paths and versions (`/usr/sbin/sshd`, `openssh-server=1:9.2p1-2`) by their program or package name.
  return out.map((w) => w.slice(w.lastIndexOf('/') + 1).replace(/[=<>~@].*$/, '').toLowerCase());
}

const PORT = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i;

export default defineRule({
  meta: {
    id: 'expose-remote-admin-port',
    aliases: {},
    counterparts: { checkov: ['CKV_DOCKER_1'], trivy: ['DS-0004'], sonar: ['S6473'], differences: 'Leaves alone a stage that installs or runs the server itself (an SSH or VNC image exposes its port on purpose), finds the port inside a range (`5900-5910`) and with any protocol, and names the service.' },
    category: 'security',
    status: 'preview',
    defaultSeverity: 'info',
    scope: 'stage',
    messages: {
      adminPort: 'EXPOSE {port} is the {service} port, but this image does not run that server: a remote login into the container is an open door to remove',
    },
    docs: {
      summary: 'EXPOSE of a remote login port (SSH, Telnet, RDP, VNC)',
      why: 'A container is entered with `docker exec` or `kubectl exec`, which need no open port and go through the runtime\'s access control. An SSH, Telnet, RDP or VNC server inside it is another door with its own passwords or keys to manage, often weak ones baked into the image, and another process to patch. An EXPOSE of such a port in an image that does not run the server is a leftover that invites one. A stage that installs or runs the server (`sshd`, `xrdp`, `x11vnc`…) exists to offer it and is not reported.',
      examples: [
        { bad: 'FROM debian:12-slim\nCOPY app /usr/local/bin/app\nEXPOSE 22 8080\nCMD ["/usr/local/bin/app"]\n', good: 'FROM debian:12-slim\nCOPY app /usr/local/bin/app\nEXPOSE 8080\nCMD ["/usr/local/bin/app"]\n' },
      ],
      references: ['https://docs.docker.com/reference/dockerfile/#expose', 'https://docs.docker.com/reference/cli/docker/container/exec/'],
    },
  },
  create(ctx) {
    const expose = (instr: Instr): void => {
      let words: string[] | undefined;
      for (const arg of instr.args) {
        const m = PORT.exec(arg.value);
        if (!m) continue;
        const low = Number(m[1]);
        const high = m[2] !== undefined ? Number(m[2]) : low;
        for (const [port, service] of ADMIN_PORTS) {
          if (port < low || port > high) continue;
          words ??= instr.stage ? stageWords(instr.stage) : [];
          if (words.some((w) => SERVERS[service].test(w))) break;
          ctx.report({ start: arg.start, end: arg.end, messageId: 'adminPort', data: { port: String(port), service } });
          break;
        }
      }
    };
    return { instructions: { EXPOSE: expose }, triggers: { EXPOSE: expose } };
  },
});
