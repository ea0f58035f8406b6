// An instruction's flags (from the one flag table, with the first Dockerfile syntax that has each) and their values:
// stages after `--from=`, platforms, network and security modes, permissions, and RUN's `--mount=` options, where
// `type=cache,target=` offers the cache folders of the tools the RUN runs.
import type { DockerfileModel, Instr } from '../../model/dockerfile';
import { INSTRUCTION_FLAGS, isMountType, MOUNT_OPTIONS, MOUNT_TYPES, type FlagSpec } from '../../model/instruction-flags';
import { CACHE_TOOLS, type CacheTool } from '../../data/cache-mounts';
import { cacheMountTargets, cacheTargetDir, runsAsRoot, runsCacheTool } from '../../model/cache-targets';
import type { CompletionContext, Draft, Proposal } from '.';
import { say, stageDraft, stagesBefore } from './shared';

type Key = Parameters<ReturnType<typeof say>>[0];

// HEALTHCHECK's flags are inserted with a value to change: durations and a count.
const HEALTHCHECK_VALUES: Readonly<Record<string, string>> = { interval: '30s', timeout: '5s', 'start-period': '10s', 'start-interval': '5s', retries: '3' };

const PLATFORMS = ['linux/amd64', 'linux/arm64', 'linux/arm/v7', 'linux/arm/v6', 'linux/386', 'linux/ppc64le', 'linux/s390x', 'linux/riscv64'];

/** The flag names at a word that starts with `-`, or the value after `--name=`. */
export function flagCompletions(model: DockerfileModel, instr: Instr, offset: number, start: number, end: number, ctx: CompletionContext): Proposal | undefined {
  const specs = INSTRUCTION_FLAGS[instr.keyword];
  if (!specs) return undefined;
  const word = model.text.slice(start, offset);
  const eq = word.indexOf('=');
  if (eq < 0) {
    const used = new Set(instr.flags.filter((f) => f.start !== start).map((f) => f.name));
    const full = model.text.slice(start, end);
    const nameEnd = full.includes('=') ? start + full.indexOf('=') + 1 : end;
    const drafts = specs.filter((s) => s.repeatable || !used.has(s.name)).map((s) => flagDraft(instr.keyword, s, ctx));
    return drafts.length ? { start, end: nameEnd, drafts } : undefined;
  }
  const spec = specs.find((s) => s.name === word.slice(0, eq).replace(/^-+/, ''));
  return spec && valueCompletions(model, instr, spec, start + eq + 1, offset, end, ctx);
}

function flagDraft(keyword: string, spec: FlagSpec, ctx: CompletionContext): Draft {
  const t = say(ctx);
  const label = `--${spec.name}`;
  const detail = spec.since?.endsWith('-labs')
    ? t('completion.flag.labs', { version: spec.since.replace(/-labs$/, '') })
    : spec.since ? t('completion.flag.since', { version: spec.since }) : spec.engine ? t('completion.flag.engine', { version: spec.engine }) : undefined;
  const insert: Pick<Draft, 'insertText' | 'snippet' | 'retrigger'> = spec.switch
    ? {}
    : keyword === 'HEALTHCHECK' ? { insertText: `${label}=\${1:${HEALTHCHECK_VALUES[spec.name]}}`, snippet: true } : { insertText: `${label}=`, retrigger: true };
  return { label, kind: 'flag', ...(detail ? { detail } : {}), documentation: t(`completion.flag.${spec.name}` as Key), ...insert };
}

function valueCompletions(model: DockerfileModel, instr: Instr, spec: FlagSpec, valueStart: number, offset: number, end: number, ctx: CompletionContext): Proposal | undefined {
  const t = say(ctx);
  const values = (list: Array<[value: string, doc?: string]>): Proposal => ({ start: valueStart, end, drafts: list.map(([label, doc]) => ({ label, kind: 'value', ...(doc ? { documentation: doc } : {}) })) });
  if (spec.switch) return values([['true'], ['false']]);
  switch (spec.name) {
    case 'from': {
      const stages = instr.onbuild ? [] : stagesBefore(model, instr.start);
      return stages.length ? { start: valueStart, end, drafts: stages.map((s) => stageDraft(model, s, ctx)) } : undefined;
    }
    case 'platform':
      return values([
        ['$BUILDPLATFORM', t('completion.platform.build')],
        ['$TARGETPLATFORM', t('completion.platform.target')],
        ...PLATFORMS.map((p): [string, string] => [p, t('completion.platform.fixed', { platform: p })]),
      ]);
    case 'network': return values([['default', t('completion.network.default')], ['none', t('completion.network.none')], ['host', t('completion.network.host')]]);
    case 'security': return values([['sandbox', t('completion.security.sandbox')], ['insecure', t('completion.security.insecure')]]);
    case 'chmod': return values([['755'], ['644'], ['700'], ['600'], ['555'], ['444'], ['u=rwX,go=rX', t('completion.chmod.symbolic')], ['+x', t('completion.chmod.executable')]]);
    case 'checksum': return values([['sha256:', t('completion.checksum.sha256')]]);
    case 'mount': return mountCompletions(model, instr, valueStart, offset, end, ctx);
    default: return undefined;
  }
}

/** `--mount=`'s comma-separated options: the item the cursor is in, a key or the value after its `=`. */
function mountCompletions(model: DockerfileModel, instr: Instr, valueStart: number, offset: number, end: number, ctx: CompletionContext): Proposal | undefined {
  const t = say(ctx);
  const value = model.text.slice(valueStart, end);
  const cursor = offset - valueStart;
  const itemStart = value.lastIndexOf(',', cursor - 1) + 1;
  const next = value.indexOf(',', cursor);
  const itemEnd = next < 0 ? value.length : next;
  const options = new Map<string, string>();
  let at = 0;
  for (const part of value.split(',')) {
    if (at !== itemStart) {
      const eq = part.indexOf('=');
      options.set(eq < 0 ? part : part.slice(0, eq), eq < 0 ? '' : part.slice(eq + 1));
    }
    at += part.length + 1;
  }
  const written = options.get('type');
  const type = written === undefined ? 'bind' : isMountType(written) ? written : undefined;
  const item = value.slice(itemStart, cursor);
  const eq = item.indexOf('=');
  if (eq < 0) {
    const span = { start: valueStart + itemStart, end: valueStart + itemEnd };
    const types: Draft[] = written === undefined ? MOUNT_TYPES.map((m) => ({ label: `type=${m}`, kind: 'value', documentation: t(`completion.mount.type.${m}`) })) : [];
    // The first option is its type; options without one are a bind mount's (`--mount=target=.`).
    if (!type || !options.size) return types.length ? { ...span, drafts: types } : undefined;
    const present = (names: string[]) => names.some((n) => options.has(n));
    const keys: Draft[] = MOUNT_OPTIONS[type]
      .filter((o) => !present([o.name, ...(o.aliases ?? [])]))
      .map((o) => ({
        label: o.name,
        kind: 'flag',
        documentation: t(`completion.mount.key.${o.name}` as Key),
        ...(o.since ? { detail: t('completion.flag.since', { version: o.since }) } : {}),
        ...(o.switch ? {} : { insertText: `${o.name}=`, retrigger: true }),
      }));
    const drafts = [...keys, ...types];
    return drafts.length ? { ...span, drafts } : undefined;
  }
  const key = item.slice(0, eq);
  const span = { start: valueStart + itemStart + eq + 1, end: valueStart + itemEnd };
  if (key === 'type') return { ...span, drafts: MOUNT_TYPES.map((m) => ({ label: m, kind: 'value' as const, documentation: t(`completion.mount.type.${m}`) })) };
  if (key === 'from') {
    const stages = instr.onbuild ? [] : stagesBefore(model, instr.start);
    return stages.length ? { ...span, drafts: stages.map((s) => stageDraft(model, s, ctx)) } : undefined;
  }
  if (type === 'cache' && ['target', 'dst', 'destination'].includes(key)) {
    const drafts = cacheTargetDrafts(model, instr, options.has('sharing'), ctx);
    return drafts.length ? { ...span, drafts } : undefined;
  }
  const option = type && MOUNT_OPTIONS[type].find((o) => o.name === key || o.aliases?.includes(key));
  if (!option?.values) return undefined;
  return { ...span, drafts: option.values.map((v) => ({ label: v, kind: 'value' as const, ...(key === 'sharing' ? { documentation: t(`completion.mount.sharing.${v}` as Key) } : {}) })) };
}

/**
 * The cache folders of the package managers and build tools of data/cache-mounts.ts, where they are for this RUN
 * (its user's home, an ENV that moves them): those of the tools the RUN runs first, then the others. Folders another
 * cache mount of the RUN has are left out; `sharing=locked` comes with a folder its tool locks (apt).
 */
function cacheTargetDrafts(model: DockerfileModel, instr: Instr, hasSharing: boolean, ctx: CompletionContext): Draft[] {
  const t = say(ctx);
  const commands = instr.run?.commands ?? [];
  const used = CACHE_TOOLS.filter((tool) => commands.some((c) => runsCacheTool(c, tool)));
  const root = runsAsRoot(instr);
  const mounted = new Set(cacheMountTargets(instr));
  // Tools that share a folder (yum and microdnf) are named together.
  const folders = new Map<string, { tools: CacheTool[]; locked: boolean }>();
  for (const tool of [...used, ...CACHE_TOOLS.filter((x) => !used.includes(x))]) {
    for (const target of tool.targets) {
      const dir = cacheTargetDir(model, instr, target, root);
      if (!dir || mounted.has(dir)) continue;
      const folder = folders.get(dir) ?? { tools: [], locked: false };
      folder.tools.push(tool);
      folder.locked ||= target.locked === true;
      folders.set(dir, folder);
    }
  }
  return [...folders].map(([dir, { tools, locked }]) => {
    const names = tools.map((x) => x.name).join(', ');
    const lock = locked && !hasSharing;
    return {
      label: dir,
      kind: 'folder',
      detail: t(used.includes(tools[0]) ? 'completion.mount.cacheUsed' : 'completion.mount.cache', { tool: names }),
      documentation: [...tools.map((x) => t('completion.mount.cacheDoc', { tool: x.name, source: x.source })), ...(lock ? [t('completion.mount.locked', { tool: names })] : [])].join('\n\n'),
      ...(lock ? { insertText: `${dir},sharing=locked` } : {}),
    };
  });
}
