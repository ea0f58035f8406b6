// "A health signal": a HEALTHCHECK for the port the final stage exposes, probing with a tool the image really has
// (curl or wget installed in the stage or known to be in its base, else the Node.js or Python runtime), or a
// sentence saying why none fits. Offered where missing-healthcheck reports.
import { defineStrings, localize } from '../i18n/catalog';
import { argDefinitions, envDefinitions, type DockerfileModel, type Instr, type Stage } from '../model/dockerfile';
import { hasNoShell, rootStage } from '../model/base-images';
import { officialName } from '../model/image-lifecycle';
import { DISTROLESS_PROBE_PROGRAMS, IMAGE_RUNTIMES, IMAGE_TOOLS, NON_HTTP_PORTS, type HttpClient, type ProbeRuntime } from '../data/image-tools';
import { DISTROLESS_IMAGES } from '../data/image-variants';
import { serviceWithoutHealthcheck } from '../rules/missing-healthcheck';
import { afterLine, installedPackages } from '../rules/support';
import { defineRefactoring, type RefactorQuestion } from './types';

const STRINGS = defineStrings({
  'refactor.add-healthcheck.title': 'Add a HEALTHCHECK that probes port {port} with {tool}',
  'refactor.add-healthcheck.titleNoPort': 'Add a HEALTHCHECK (asks for the port)',
  'refactor.add-healthcheck.askPath': 'Which path answers when the app is healthy? (status below 400)',
  'refactor.add-healthcheck.askPort': 'Which port does the app listen on inside the container?',
  'refactor.add-healthcheck.pathRoot': 'the root page',
  'refactor.add-healthcheck.pathSpring': 'Spring Boot Actuator',
  'refactor.add-healthcheck.portFrom': 'from {source}',
  'refactor.add-healthcheck.probeNote': 'Docker runs `{program}` every 30 s: the app must answer `{url}` with a status below 400 within 5 s, and after 3 failures in a row the container is unhealthy. Failures in the first 30 s (the start period) do not count.',
  'refactor.add-healthcheck.installedNote': '{tool} is there because a RUN of the image installs it.',
  'refactor.add-healthcheck.baseNote': '{tool} is in the base image: {what} ({source}).',
  'refactor.add-healthcheck.runtimeNote': 'The image has neither curl nor wget, so the probe is a {runtime} one-liner run by `{program}`.',
  'refactor.add-healthcheck.loopbackNote': 'It probes 127.0.0.1 inside the container: an app that listens only on another address (not 0.0.0.0 or ::) fails it.',
  'refactor.add-healthcheck.noPort': 'The port the app listens on is not known: EXPOSE names none as a number, and no ENV, ARG or command flag gives one. Write the HEALTHCHECK by hand or EXPOSE the port.',
  'refactor.add-healthcheck.badPort': '"{port}" is not a port number (1 to 65535)',
  'refactor.add-healthcheck.badPath': '"{path}" is not a URL path: it starts with / and has no spaces or quotes',
  'refactor.add-healthcheck.noShellNoTool': '{image} has no shell and no HTTP client or runtime to probe with. A static binary can probe itself: give the program a health subcommand and use `HEALTHCHECK CMD ["/app", "health"]`.',
  'refactor.add-healthcheck.java': '{image} runs Java but has no HTTP client: `java` cannot fetch a URL from the command line (running a source file needs the compiler, which a JRE lacks). Install curl in the final stage (`apt-get install -y --no-install-recommends curl`, `apk add --no-cache curl`) or give the application a health command to probe with.',
  'refactor.add-healthcheck.noTool': 'Neither curl nor wget is known to be in {image}, and it has no Node.js or Python to probe with: install curl or wget in the final stage, or probe with a command the application provides.',
  'refactor.add-healthcheck.notHttp': 'The exposed port {port} is {service}, which does not answer HTTP: check it with its own client (for example `pg_isready`, `redis-cli ping`) in a HEALTHCHECK written by hand.',
  'refactor.add-healthcheck.gone': 'The final stage no longer exposes a port without a HEALTHCHECK',
});

type Id = keyof typeof STRINGS;

/** Defaults, written out so the user sees them: Docker's interval and retries, a timeout and start period that fit a service. */
const OPTIONS = '--interval=30s --timeout=5s --start-period=30s';

/** How the probe runs: the words of the exec form and what the notes say about it. */
interface Probe {
  tool: string;
  words: (url: string) => string[];
  why: { id: Id; data: Record<string, string> };
}

const CLIENT_WORDS: Record<HttpClient, (url: string) => string[]> = {
  // -f: a status of 400 or more fails; -sS: quiet but errors shown; the body is not kept in the health log.
  curl: (url) => ['curl', '-fsS', '-o', '/dev/null', url],
  // GNU and BusyBox wget both fail on a status of 400 or more with -q -O.
  wget: (url) => ['wget', '-q', '-O', '/dev/null', url],
};

const RUNTIME_WORDS: Partial<Record<ProbeRuntime, (program: string, url: string) => string[]>> = {
  node: (program, url) => [program, '-e', `require('http').get('${url}', (r) => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))`],
  // urlopen raises on a status of 400 or more and on a refused connection: the exit status is 1.
  python: (program, url) => [program, '-c', `import urllib.request; urllib.request.urlopen('${url}', timeout=4)`],
};

function distrolessRuntime(stage: Stage): ProbeRuntime | undefined {
  const ref = rootStage(stage).image;
  const full = `${ref.registry ? `${ref.registry}/` : ''}${ref.name}`.toLowerCase();
  const listed = DISTROLESS_IMAGES.find((d) => d.name === full)?.runtime;
  if (listed === 'node' || listed === 'python' || listed === 'java') return listed;
  const m = /distroless\/(nodejs|python3|java)/.exec(full);
  return m ? ({ nodejs: 'node', python3: 'python', java: 'java' } as const)[m[1] as 'nodejs' | 'python3' | 'java'] : undefined;
}

/** The probe the stage can run, or the id of the sentence that says why there is none. */
function probeFor(model: DockerfileModel, stage: Stage): Probe | { error: Id } {
  const base = rootStage(stage).image;
  if (hasNoShell(stage)) {
    const runtime = distrolessRuntime(stage);
    const program = runtime && DISTROLESS_PROBE_PROGRAMS[runtime];
    const words = runtime && RUNTIME_WORDS[runtime];
    if (!program || !words) return { error: runtime === 'java' ? 'refactor.add-healthcheck.java' : 'refactor.add-healthcheck.noShellNoTool' };
    return { tool: program, words: (url) => words(program, url), why: { id: 'refactor.add-healthcheck.runtimeNote', data: { runtime: runtime === 'node' ? 'Node.js' : 'Python', program } } };
  }
  const last = stage.instructions[stage.instructions.length - 1];
  const installed = installedPackages(model, last);
  for (const client of ['curl', 'wget'] as const) {
    if (installed.has(client)) return { tool: client, words: CLIENT_WORDS[client], why: { id: 'refactor.add-healthcheck.installedNote', data: { tool: client } } };
  }
  const official = officialName(base);
  if (official !== undefined && !base.unresolved.length) {
    const tag = (base.tag ?? 'latest').toLowerCase();
    for (const client of ['curl', 'wget'] as const) {
      const fact = IMAGE_TOOLS.find((f) => f.clients.includes(client) && (f.images.length === 0 || f.images.includes(official)) && f.tags.test(tag));
      if (fact) return { tool: client, words: CLIENT_WORDS[client], why: { id: 'refactor.add-healthcheck.baseNote', data: { tool: client, what: fact.what, source: fact.source } } };
    }
  }
  const runtime: ProbeRuntime | undefined = (official !== undefined ? IMAGE_RUNTIMES[official] : undefined)
    ?? (installed.has('nodejs') ? 'node' : installed.has('python3') ? 'python' : undefined);
  const words = runtime && RUNTIME_WORDS[runtime];
  if (runtime && words) {
    // The official python images link `python`; a distribution's package installs only `python3`.
    const program = runtime === 'node' ? 'node' : official === 'python' ? 'python' : 'python3';
    return { tool: program, words: (url) => words(program, url), why: { id: 'refactor.add-healthcheck.runtimeNote', data: { runtime: runtime === 'node' ? 'Node.js' : 'Python', program } } };
  }
  // A JDK or JRE image not in the table (openjdk-like names and tags) is Java too.
  const java = runtime === 'java' || /jre|jdk|java/i.test(`${base.name}:${base.tag ?? ''}`);
  return { error: java ? 'refactor.add-healthcheck.java' : 'refactor.add-healthcheck.noTool' };
}

/** The TCP ports EXPOSE names as numbers (`8080`, `8080/tcp`), in order. */
function exposedPorts(stage: Stage): string[] {
  const out: string[] = [];
  for (const instr of stage.instructions) {
    if (instr.keyword !== 'EXPOSE') continue;
    for (const a of instr.args) {
      const m = /^(\d{1,5})(?:\/tcp)?$/i.exec(a.value);
      if (m) out.push(m[1]);
    }
  }
  return out;
}

/** The first exposed TCP port that may speak HTTP (not SSH, a database…). */
const exposedPort = (stage: Stage) => exposedPorts(stage).find((p) => !NON_HTTP_PORTS[p]);

/** Ports the file names elsewhere: ENV or ARG values of PORT-like variables, the defaults of `${PORT:-3000}`, command flags. */
function candidatePorts(model: DockerfileModel, stage: Stage): Array<{ value: string; source: string }> {
  const out: Array<{ value: string; source: string }> = [];
  const add = (value: string, source: string) => {
    if (Number(value) >= 1 && Number(value) <= 65535 && !out.some((c) => c.value === value)) out.push({ value, source });
  };
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s; s = s.parent) chain.unshift(s);
  for (const instr of chain.flatMap((s) => s.instructions)) {
    for (const d of [...envDefinitions(instr), ...argDefinitions(instr)]) {
      if (/port/i.test(d.name) && d.value && /^\d{1,5}$/.test(d.value)) add(d.value, `${d.kind} ${d.name}`);
    }
    const text = model.text.slice(instr.start, instr.end);
    if (instr.keyword === 'EXPOSE') for (const m of text.matchAll(/\$\{\w*PORT\w*:-(\d{1,5})\}/gi)) add(m[1], 'EXPOSE');
    if (instr.keyword === 'CMD' || instr.keyword === 'ENTRYPOINT') {
      for (const m of text.matchAll(/(?:--port|-p|--listen|--bind|-b)["',\s=]+(?:[\w.[\]:]*:)?(\d{2,5})\b/g)) add(m[1], instr.keyword);
    }
  }
  return out;
}

function runsSpringBoot(model: DockerfileModel, stage: Stage): boolean {
  return stage.instructions.some((i: Instr) => (i.keyword === 'CMD' || i.keyword === 'ENTRYPOINT') && /\bjava\b[\s\S]*-jar\b|spring/i.test(model.text.slice(i.start, i.end)));
}

function pathQuestion(model: DockerfileModel, stage: Stage, locale: Parameters<typeof localize>[2]): RefactorQuestion {
  const t = (id: Id) => localize(STRINGS, id, locale);
  const spring = runsSpringBoot(model, stage);
  return {
    prompt: t('refactor.add-healthcheck.askPath'),
    candidates: [
      ...(spring ? [{ value: '/actuator/health', detail: t('refactor.add-healthcheck.pathSpring') }] : []),
      { value: '/', detail: t('refactor.add-healthcheck.pathRoot') },
      { value: '/health' },
      { value: '/healthz' },
    ],
  };
}

export default defineRefactoring({
  id: 'add-healthcheck',
  kind: 'refactor.rewrite',
  docs: {
    summary: 'Add a HEALTHCHECK that probes the exposed port with a tool the image has',
    details: 'Offered on the final stage where missing-healthcheck reports (it EXPOSEs a port and has no HEALTHCHECK). It probes `http://127.0.0.1:PORT/PATH` in exec form with curl or wget when a RUN of the stage installs one or the base image is known to have one (BusyBox wget in Alpine-based and busybox images, curl in the full Debian-based language images, not in -slim: data/image-tools.ts), else with a Node.js or Python one-liner when the image has that runtime, including the distroless node and python images. Java images and shell-less images without a runtime get a sentence saying what to install instead. The port is the first TCP port EXPOSE names; without one, the question offers the ports ENV, ARG and command flags name. The path is picked from `/`, `/health`, `/healthz` (and `/actuator/health` for Spring Boot). The line goes after the last EXPOSE with `--interval=30s` (Docker\'s default), `--timeout=5s` (a local endpoint answers in milliseconds; Docker\'s 30 s default lets a hung service hold a probe for half a minute) and `--start-period=30s` (failures while the app starts do not count); retries stay at Docker\'s 3. Unsafe: the image config gains a health status, and orchestrators that read it (Compose, Swarm) restart or wait on it.',
    example: {
      before: 'FROM node:22\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nCMD ["node", "server.js"]\n',
      after: 'FROM node:22\nWORKDIR /app\nCOPY . .\nEXPOSE 3000\nHEALTHCHECK --interval=30s --timeout=5s --start-period=30s CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:3000/"]\nCMD ["node", "server.js"]\n',
      answers: ['/'],
    },
  },
  offers(ctx, start, end) {
    const service = serviceWithoutHealthcheck(ctx.model);
    if (!service) return [];
    const { stage } = service;
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.from;
    if (last.end < start || stage.from.start > end) return [];
    const locale = ctx.settings.locale;
    // A port that does not speak HTTP still names the offer; applying it explains.
    const port = exposedPort(stage) ?? exposedPorts(stage)[0];
    const probe = probeFor(ctx.model, stage);
    const tool = 'error' in probe ? '?' : probe.tool;
    const candidates = port || exposedPorts(stage).length ? [] : candidatePorts(ctx.model, stage);
    // Offered, greyed out with the reason, where no probe fits: the explanation is the answer.
    const other = exposedPorts(stage)[0];
    const unavailable = 'error' in probe
      ? localize(STRINGS, probe.error, locale, { image: rootStage(stage).image.raw })
      : !exposedPort(stage) && other
        ? localize(STRINGS, 'refactor.add-healthcheck.notHttp', locale, { port: other, service: NON_HTTP_PORTS[other] })
        : !port && !candidates.length ? localize(STRINGS, 'refactor.add-healthcheck.noPort', locale) : undefined;
    const question: RefactorQuestion | undefined = port
      ? pathQuestion(ctx.model, stage, locale)
      : candidates.length
        ? { prompt: localize(STRINGS, 'refactor.add-healthcheck.askPort', locale), candidates: candidates.map((c) => ({ value: c.value, detail: localize(STRINGS, 'refactor.add-healthcheck.portFrom', locale, { source: c.source }) })) }
        : undefined;
    return [{
      refactoring: 'add-healthcheck',
      key: String(stage.index),
      title: port ? localize(STRINGS, 'refactor.add-healthcheck.title', locale, { port, tool }) : localize(STRINGS, 'refactor.add-healthcheck.titleNoPort', locale),
      kind: 'refactor.rewrite',
      start: stage.from.start,
      end: last.end,
      safety: 'unsafe',
      ...(unavailable ? { unavailable } : question ? { question } : {}),
    }];
  },
  async apply(ctx, offer, answers) {
    const { model } = ctx;
    const locale = ctx.settings.locale;
    const t = (id: Id, data?: Record<string, string>) => localize(STRINGS, id, locale, data);
    const service = serviceWithoutHealthcheck(model);
    if (!service || String(service.stage.index) !== offer.key) return { error: t('refactor.add-healthcheck.gone') };
    const { stage, expose } = service;
    const image = rootStage(stage).image.raw;
    const probe = probeFor(model, stage);
    if ('error' in probe) return { error: t(probe.error, { image }) };
    const known = exposedPort(stage);
    const other = exposedPorts(stage)[0];
    if (!known && other) return { error: t('refactor.add-healthcheck.notHttp', { port: other, service: NON_HTTP_PORTS[other] }) };
    const port = known ?? answers?.[0];
    if (port === undefined) return { error: t('refactor.add-healthcheck.noPort') };
    if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) return { error: t('refactor.add-healthcheck.badPort', { port }) };
    const path = (known ? answers?.[0] : undefined) ?? '/';
    if (!/^\/[^\s"'\\]*$/.test(path)) return { error: t('refactor.add-healthcheck.badPath', { path }) };
    const url = `http://127.0.0.1:${port}${path}`;
    const words = probe.words(url);
    // Keywords in the case the file writes them (EXPOSE tells).
    const lower = model.text.slice(expose.keywordStart, expose.keywordEnd) === 'expose';
    const line = `${lower ? 'healthcheck' : 'HEALTHCHECK'} ${OPTIONS} ${lower ? 'cmd' : 'CMD'} [${words.map((w) => JSON.stringify(w)).join(', ')}]`;
    return {
      edits: [afterLine(model, expose.endLine, line)],
      notes: [
        t('refactor.add-healthcheck.probeNote', { program: words[0], url }),
        t(probe.why.id, probe.why.data),
        t('refactor.add-healthcheck.loopbackNote'),
      ],
    };
  },
});
