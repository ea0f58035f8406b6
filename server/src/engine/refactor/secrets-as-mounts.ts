// Secrets as mounts: an ARG or ENV that carries a secret (what secret-in-arg-or-env reports) is removed, and every
// RUN that reads it gets `--mount=type=secret,id=…,env=NAME`, so the value reaches the command through BuildKit
// and never the image history or config. The notes give the `docker build --secret` and compose lines to pass it.
import { defineRefactoring, type RefactorContext, type RefactorOffer } from './types';
import type { DockerfileModel, Instr, InstructionProperty, Stage } from '../model/dockerfile';
import { argDefinitions, envDefinitions } from '../model/dockerfile';
import { secretVariables, type SecretVariable } from '../model/secret-variables';
import { frontendAllows, instructionLinesEdit, mountOptions } from '../rules/support';
import { defineStrings, speaker } from '../i18n/catalog';
import type { OffsetEdit } from '../types';

const STRINGS = defineStrings({
  'refactor.secrets-as-mounts.title': 'Pass {names} as a build secret (RUN --mount=type=secret) instead of {keyword}',
  'refactor.secrets-as-mounts.build': 'Build with the secret from your environment: `docker build --secret id={id},env={name} .`',
  'refactor.secrets-as-mounts.compose': 'In compose, give the build the secret: `build: secrets: [{id}]`, and declare it at the top level: `secrets: {id}: environment: {name}`',
  'refactor.secrets-as-mounts.history': '{name} no longer lands in the image history or config: only the RUN steps that mount it see it, while they run',
  'refactor.secrets-as-mounts.literal': 'The value written in the Dockerfile for {name} is gone: set {name} in the environment of `docker build` (and change the secret, it was in the file)',
  'refactor.secrets-as-mounts.runtime': 'The image no longer sets {name} for the running container: if the application reads it, pass it when the container starts (`docker run -e {name}`, compose `environment:`)',
  'refactor.secrets-as-mounts.unused': 'No RUN names {name}: a RUN whose tools read it from the environment without naming it needs `--mount=type=secret,id={id},env={name}` too',
  'refactor.secrets-as-mounts.file': 'The RUN at line {line} writes {name} into a file: mounting that whole file as a secret (`--mount=type=secret,id=…,target=…`) would spare writing and deleting it',
  'refactor.secrets-as-mounts.gone': 'The ARG or ENV no longer carries a secret that can be mounted',
  'refactor.secrets-as-mounts.syntax': '`# syntax=docker/dockerfile:1` is added: the `env=` option of secret mounts needs the Dockerfile 1.10 frontend',
});

/** `NPM_TOKEN` → `npm-token`: the id the secret is passed under. */
function secretId(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'secret';
}

function mentions(text: string, name: string): boolean {
  const n = name.replace(/[^A-Za-z0-9_]/g, '');
  return new RegExp(`\\$(?:${n}|\\{${n})(?![A-Za-z0-9_])`).test(text);
}

function instrText(model: DockerfileModel, instr: Instr): string {
  return model.text.slice(instr.keywordEnd, instr.end);
}

/** Stages built FROM `stage`, directly or through others. */
function descendants(model: DockerfileModel, stage: Stage): Stage[] {
  return model.stages.filter((s) => {
    for (let p = s.parent; p; p = p.parent) if (p === stage) return true;
    return false;
  });
}

interface SecretPlan {
  variable: SecretVariable;
  id: string;
  /** The declarations removed: this one, and for an ARG every other declaration of the same build argument. */
  declarations: Array<{ instr: Instr; prop: InstructionProperty }>;
  /** The RUNs that get the mount. */
  runs: Instr[];
}

/**
 * What moving `v` (declared by `instr`) into a secret mount takes, or undefined when it cannot be done: the
 * variable is read outside a RUN (CMD, ENTRYPOINT, another ENV, a LABEL, a FROM: the secret is needed there, not
 * only while a RUN runs), by an exec-form RUN (no shell to read the environment) or an ONBUILD trigger, or its
 * name is declared both as ARG and ENV.
 */
function plan(model: DockerfileModel, instr: Instr, v: SecretVariable): SecretPlan | undefined {
  const name = v.def.name;
  const all = [...model.instructions, ...model.triggers];
  const declared = (i: Instr, keyword: string) => i.keyword === keyword && (keyword === 'ARG' ? argDefinitions(i) : envDefinitions(i)).some((d) => d.name === name);
  // `ARG A B` declares two build arguments to BuildKit: removing the line would take the other one too.
  if (v.def.kind === 'ARG' && !v.prop.assignment && v.prop.value !== null) return undefined;
  const other = v.def.kind === 'ARG' ? 'ENV' : 'ARG';
  if (all.some((i) => declared(i, other))) return undefined;
  const declarations: SecretPlan['declarations'] = [];
  let visible: Instr[] = [];
  if (v.def.kind === 'ARG') {
    for (const i of model.instructions) {
      if (i.keyword === 'ARG') for (const p of i.props) if (p.name === name) declarations.push({ instr: i, prop: p });
    }
    // A global ARG reaches FROM lines, and a stage's instructions only after the stage declares it again.
    if (model.instructions.some((i) => i.keyword === 'FROM' && mentions(instrText(model, i), name))) return undefined;
    for (const stage of model.stages) {
      const first = stage.instructions.findIndex((i) => declared(i, 'ARG'));
      if (first >= 0) visible.push(...stage.instructions.slice(first + 1));
    }
  } else {
    if (model.instructions.filter((i) => declared(i, 'ENV')).length > 1 || !instr.stage) return undefined;
    declarations.push({ instr, prop: v.prop });
    visible = [...instr.stage.instructions.slice(instr.index + 1), ...descendants(model, instr.stage).flatMap((s) => s.instructions)];
  }
  if (model.triggers.some((t) => mentions(instrText(model, t), name))) return undefined;
  const runs: Instr[] = [];
  for (const i of visible) {
    if (i.keyword === 'ARG' || !mentions(instrText(model, i), name)) continue;
    if (i.keyword !== 'RUN' || !i.run || i.run.execForm || i.onbuild) return undefined;
    runs.push(i);
  }
  return { variable: v, id: secretId(name), declarations, runs };
}

/** The secret pairs of `instr` that can move into mounts, with what each takes. */
function plansOf(model: DockerfileModel, instr: Instr): SecretPlan[] {
  if (instr.onbuild || (instr.keyword !== 'ARG' && instr.keyword !== 'ENV')) return [];
  // env= came with the Dockerfile 1.10 frontend: not offered where the file pins an older one (or another frontend).
  if (!frontendAllows(model, 10)) return [];
  return secretVariables(instr).flatMap((v) => plan(model, instr, v) ?? []);
}

/**
 * Edits that remove `names` from the ARG or ENV `instr`: its whole lines when it declares nothing else (comments
 * above it stay), otherwise each run of removed pairs with the blanks (and continuation) that joined it.
 */
function removePairs(model: DockerfileModel, instr: Instr, names: ReadonlySet<InstructionProperty>): OffsetEdit[] {
  const props = instr.props;
  if (props.every((p) => names.has(p))) return [instructionLinesEdit(model, instr)];
  const edits: OffsetEdit[] = [];
  const endOf = (p: InstructionProperty) => p.valueEnd ?? p.nameEnd;
  for (let i = 0; i < props.length; i++) {
    if (!names.has(props[i])) continue;
    let j = i;
    while (j + 1 < props.length && names.has(props[j + 1])) j++;
    edits.push(j + 1 < props.length ? { start: props[i].nameStart, end: props[j + 1].nameStart, text: '' } : { start: endOf(props[i - 1]), end: endOf(props[j]), text: '' });
    i = j;
  }
  return edits;
}

function applyPlans(ctx: RefactorContext, plans: SecretPlan[]): { edits: OffsetEdit[]; notes: string[] } {
  const { model } = ctx;
  const t = speaker(STRINGS, ctx.settings.locale);
  const edits: OffsetEdit[] = [];
  const notes: string[] = [];
  // Pairs to remove, by instruction; mounts to add, by RUN.
  const removed = new Map<Instr, Set<InstructionProperty>>();
  const mounts = new Map<Instr, string[]>();
  for (const p of plans) {
    for (const d of p.declarations) {
      const set = removed.get(d.instr) ?? new Set();
      set.add(d.prop);
      removed.set(d.instr, set);
    }
    const name = p.variable.def.name;
    for (const run of p.runs) {
      const has = run.flags.some((f) => {
        const o = mountOptions(f);
        return o.some((x) => x.key === 'type' && x.value === 'secret') && o.some((x) => x.key === 'env' && x.value === name);
      });
      if (!has) mounts.set(run, [...(mounts.get(run) ?? []), `--mount=type=secret,id=${p.id},env=${name}`]);
    }
  }
  for (const [instr, props] of removed) edits.push(...removePairs(model, instr, props));
  for (const [run, flags] of mounts) edits.push({ start: run.keywordEnd, end: run.keywordEnd, text: ` ${flags.join(' ')}` });
  // env= needs the 1.10 frontend: asked for where the file names none (and only when a mount is added).
  if (mounts.size && !model.directives.some((d) => d.name.toLowerCase() === 'syntax')) {
    edits.push({ start: 0, end: 0, text: `# syntax=docker/dockerfile:1${model.lines.eol}` });
    notes.push(t('refactor.secrets-as-mounts.syntax'));
  }
  for (const p of plans) {
    const name = p.variable.def.name;
    const data = { id: p.id, name };
    notes.push(t('refactor.secrets-as-mounts.build', data), t('refactor.secrets-as-mounts.compose', data), t('refactor.secrets-as-mounts.history', data));
    if (p.variable.kind !== 'name' || (p.variable.def.kind === 'ARG' && p.declarations.some((d) => d.prop.value))) notes.push(t('refactor.secrets-as-mounts.literal', data));
    if (p.variable.def.kind === 'ENV') notes.push(t('refactor.secrets-as-mounts.runtime', data));
    if (!p.runs.length) notes.push(t('refactor.secrets-as-mounts.unused', data));
    // A value written into a file (`echo "…${NPM_TOKEN}" > .npmrc`): a file secret may fit better.
    for (const run of p.runs) {
      if (/>\s*\S*(\.npmrc|\.pypirc|pip\.conf|\.netrc|\.yarnrc|settings\.xml|credentials)\b/.test(instrText(model, run))) notes.push(t('refactor.secrets-as-mounts.file', { ...data, line: run.line + 1 }));
    }
  }
  return { edits, notes };
}

export default defineRefactoring({
  id: 'secrets-as-mounts',
  kind: 'refactor.rewrite',
  docs: {
    summary: 'Move a secret from ARG or ENV into BuildKit secret mounts on the RUN steps that use it',
    details: 'Offered on an ARG or ENV that secret-in-arg-or-env reports. The declaration is removed (the whole line when it declares nothing else, only the pair otherwise; for an ARG also the same build argument declared again in later stages), and each RUN where the variable is visible and named gets `--mount=type=secret,id=<id>,env=<NAME>`, the id being the name in lower-kebab case. The RUN\'s commands stay as they are: with `env=` the variable is set for the command just as the ARG or ENV set it, so commands that write it into a file (`echo "…${NPM_TOKEN}" > .npmrc`) keep working; a note says where mounting the file itself with `target=` would spare that step, a change of the commands left to you. `env=` needs the Dockerfile 1.10 frontend: a `# syntax=docker/dockerfile:1` line is added when the file has none (and a mount is added), and nothing is offered when it pins an older frontend. Not offered when the variable is read outside a RUN (CMD, ENTRYPOINT, another ENV, a LABEL, a FROM), by an exec-form RUN or an ONBUILD trigger, or declared as both ARG and ENV (`ENV NPM_TOKEN=$NPM_TOKEN`): there the value is needed beyond a build step, or the declaration does not hold the secret alone; nor on `ARG A B`, which BuildKit reads as two arguments. Unsafe: the build now needs the secret passed with `--secret` (the notes give the `docker build` and compose lines), and an ENV no longer reaches the running container.',
    example: {
      before: 'FROM node:22-slim\nARG NPM_TOKEN\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\nCOPY . .\nCMD ["node", "server.js"]\n',
      after: '# syntax=docker/dockerfile:1\nFROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npm-token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc && npm ci && rm .npmrc\nCOPY . .\nCMD ["node", "server.js"]\n',
    },
  },
  offers(ctx, start, end) {
    const { model } = ctx;
    const t = speaker(STRINGS, ctx.settings.locale);
    const out: RefactorOffer[] = [];
    for (const instr of model.instructions) {
      if (instr.end < start || instr.start > end) continue;
      const plans = plansOf(model, instr);
      if (!plans.length) continue;
      out.push({
        refactoring: 'secrets-as-mounts',
        key: String(instr.start),
        title: t('refactor.secrets-as-mounts.title', { names: plans.map((p) => p.variable.def.name).join(', '), keyword: instr.keyword }),
        kind: 'refactor.rewrite',
        start: instr.start,
        end: instr.end,
        safety: 'unsafe',
        // The hover tells what the build needs from now on.
        hint: plans.flatMap((p) => {
          const data = { id: p.id, name: p.variable.def.name };
          return [t('refactor.secrets-as-mounts.build', data), t('refactor.secrets-as-mounts.compose', data)];
        }).join('\n\n'),
      });
    }
    return out;
  },
  async apply(ctx, offer) {
    const instr = ctx.model.instructions.find((i) => String(i.start) === offer.key);
    const plans = instr ? plansOf(ctx.model, instr) : [];
    if (!plans.length) return { error: speaker(STRINGS, ctx.settings.locale)('refactor.secrets-as-mounts.gone') };
    return applyPlans(ctx, plans);
  },
});
