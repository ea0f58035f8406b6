// The build secrets a Dockerfile's RUNs mount, as BuildKit reads the mounts, against those the invocation provides
// (compose `build.secrets`, bake `secret`): read by secret-not-provided and secret-not-mounted, which report the
// two sides of one comparison.
import { closestUnique } from '../closest';
import { mountOptions } from '../rules/support';
import type { DockerfileModel, Instr, InstructionFlag } from './dockerfile';
import { withoutTrailingSlashes } from './paths';
import { stagesBuilt } from './stage-graph';
import { substitute } from './variables';

/** A `RUN --mount=type=secret` whose id is known. */
export interface SecretMount {
  id: string;
  /** `required` (or `required=true`): a build that does not provide the secret fails at this step. */
  required: boolean;
  /** What names the id: the value of `id=` (or `source=`), or, when the id comes from `target=`, the whole flag. */
  start: number;
  end: number;
  instr: Instr;
  flag: InstructionFlag;
}

// Go's strconv.ParseBool, which BuildKit reads `required=` with.
const TRUE_WORDS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/**
 * The secret mounts of a RUN. The id is `id=`, or `source=`/`src=`, or else the base name of `target=` (`dst=`,
 * `destination=`), as BuildKit's Dockerfile frontend reads it; variables in it are expanded with the ARG and ENV
 * values the RUN sees. A mount whose id uses a variable the file does not resolve is in `unresolved`: it may be any id.
 */
export function secretMountsOf(model: DockerfileModel, instr: Instr): { mounts: SecretMount[]; unresolved: number } {
  const mounts: SecretMount[] = [];
  let unresolved = 0;
  for (const flag of instr.flags) {
    const options = mountOptions(flag);
    const expand = (text: string) => substitute(text, (n) => model.lookupVariable(n, instr)?.value, model.escapeChar);
    const type = options.find((o) => o.key === 'type');
    if (!type || expand(type.value).value.toLowerCase() !== 'secret') continue;
    const named = options.find((o) => o.key === 'id' || o.key === 'source' || o.key === 'src');
    const target = options.find((o) => o.key === 'target' || o.key === 'dst' || o.key === 'destination');
    const raw = named ? expand(named.value) : target ? expand(target.value) : undefined;
    // Neither an id nor a target: BuildKit rejects the mount itself.
    if (!raw || (named && !named.value)) continue;
    if (raw.unresolved.length) { unresolved++; continue; }
    const id = named ? raw.value : withoutTrailingSlashes(raw.value).split('/').pop();
    if (!id) continue;
    // `required` alone is true; `required=` takes a boolean.
    const required = options.some((o) => o.key === 'required' && (o.end - o.start === o.key.length || TRUE_WORDS.has(expand(o.value).value)));
    mounts.push({ id, required, start: named ? named.valueStart : flag.start, end: named ? named.end : flag.end, instr, flag });
  }
  return { mounts, unresolved };
}

/**
 * BuildKit itself reads these secrets to fetch git sources (a git build context, `ADD` of a git URL): a build
 * provides them for that, not for a RUN (`GIT_AUTH_TOKEN`, `GIT_AUTH_TOKEN.github.com`, `GIT_AUTH_HEADER`).
 */
const GIT_AUTH_SECRET = /^GIT_AUTH_(?:TOKEN|HEADER)(?:\.|$)/;

/** How the invocation's secrets and the secret mounts of the RUNs its build runs compare. */
export interface SecretUse {
  /** Mounts whose id the invocation does not provide, each with the provided id it was probably meant to be. */
  missing: Array<{ mount: SecretMount; close?: string }>;
  /** Provided ids no RUN of the build mounts (empty when a mount's id is not known), with the missing id probably meant. */
  unmounted: Array<{ id: string; close?: string }>;
}

const uses = new WeakMap<DockerfileModel, SecretUse | undefined>();

/**
 * The comparison for the model's invocation: undefined when it does not say which secrets it provides (a plain
 * `docker build` may pass any `--secret`), or names a target no stage has (that build fails before any RUN).
 * The RUNs are those of the stages the target (or the last stage) needs; ONBUILD triggers run in other builds.
 */
export function secretUse(model: DockerfileModel): SecretUse | undefined {
  const whole = model.wholeFile;
  if (uses.has(whole)) return uses.get(whole);
  const use = compare(whole);
  uses.set(whole, use);
  return use;
}

function compare(model: DockerfileModel): SecretUse | undefined {
  const provided = model.invocation?.secrets;
  const final = model.finalStage;
  if (!provided || !final || (model.invocation?.target && !model.targetStage)) return undefined;
  const built = stagesBuilt(model, [final]);
  const mounts: SecretMount[] = [];
  let unresolved = built.complete ? 0 : 1;
  for (const stage of model.stages) {
    if (!built.stages.has(stage)) continue;
    for (const instr of stage.instructions) {
      if (instr.keyword !== 'RUN') continue;
      const found = secretMountsOf(model, instr);
      mounts.push(...found.mounts);
      unresolved += found.unresolved;
    }
  }
  const mounted = new Set(mounts.map((m) => m.id));
  const missingMounts = mounts.filter((m) => !provided.includes(m.id));
  const unmountedIds = unresolved ? [] : [...new Set(provided)].filter((id) => !mounted.has(id) && !GIT_AUTH_SECRET.test(id));
  const missingIds = [...new Set(missingMounts.map((m) => m.id))];
  // A pair is close when each is the other's closest: both findings then name the other.
  const pair = (id: string, others: readonly string[], back: readonly string[]) => {
    const close = closestUnique(id, others);
    return close !== undefined && closestUnique(close, back) === id ? close : undefined;
  };
  return {
    missing: missingMounts.map((mount) => ({ mount, close: pair(mount.id, unmountedIds, missingIds) })),
    unmounted: unmountedIds.map((id) => ({ id, close: pair(id, missingIds, unmountedIds) })),
  };
}
