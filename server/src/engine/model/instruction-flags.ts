// The flags each instruction takes and the options of RUN's `--mount`: the one table the syntax check (an unknown
// flag, a flag without its value) and completion read. Read from the Dockerfile reference in moby/buildkit
// (frontend/dockerfile/docs/reference.md, commit 73ed6825 of 2026-08-21), whose tables give the first Dockerfile
// syntax that has each flag.

export interface FlagSpec {
  name: string;
  /** A switch (`--link`), which may also be written `--link=true`. */
  switch?: boolean;
  /** May be given more than once (`--mount`, `--exclude`). */
  repeatable?: boolean;
  /** The first `# syntax=docker/dockerfile:` version that has it (`1.2`); a `-labs` version: the labs channel only. */
  since?: string;
  /** The Docker Engine it needs, when that is the limit rather than the syntax (HEALTHCHECK runs in the engine). */
  engine?: string;
}

export const INSTRUCTION_FLAGS: Readonly<Record<string, readonly FlagSpec[]>> = {
  FROM: [{ name: 'platform' }],
  RUN: [
    { name: 'mount', repeatable: true, since: '1.2' },
    { name: 'network', since: '1.3' },
    { name: 'security', since: '1.20' },
    { name: 'device', repeatable: true, since: '1.14-labs' },
  ],
  COPY: [
    { name: 'from' },
    { name: 'chown' },
    { name: 'chmod', since: '1.2' },
    { name: 'link', switch: true, since: '1.4' },
    { name: 'parents', switch: true, since: '1.20' },
    { name: 'exclude', repeatable: true, since: '1.19' },
  ],
  ADD: [
    { name: 'chown' },
    { name: 'chmod', since: '1.2' },
    { name: 'link', switch: true, since: '1.4' },
    { name: 'exclude', repeatable: true, since: '1.19' },
    { name: 'checksum', since: '1.6' },
    { name: 'keep-git-dir', switch: true, since: '1.1' },
    { name: 'unpack', switch: true, since: '1.17' },
  ],
  HEALTHCHECK: [
    { name: 'interval' },
    { name: 'timeout' },
    { name: 'start-period' },
    { name: 'start-interval', engine: '25.0' },
    { name: 'retries' },
  ],
};

export function flagSpec(keyword: string, name: string): FlagSpec | undefined {
  return INSTRUCTION_FLAGS[keyword]?.find((f) => f.name === name);
}

export const MOUNT_TYPES = ['cache', 'bind', 'secret', 'ssh', 'tmpfs'] as const;
export type MountType = (typeof MOUNT_TYPES)[number];

export interface MountOption {
  name: string;
  /** Other spellings BuildKit accepts (`dst` for `target`). */
  aliases?: readonly string[];
  /** Written without a value (`readonly`). */
  switch?: boolean;
  /** The values it takes, when they are a fixed set. */
  values?: readonly string[];
  since?: string;
}

const TARGET: MountOption = { name: 'target', aliases: ['dst', 'destination'] };
const FROM: MountOption = { name: 'from' };
const SOURCE: MountOption = { name: 'source' };
const ID: MountOption = { name: 'id' };
const MODE: MountOption = { name: 'mode' };
const UID: MountOption = { name: 'uid' };
const GID: MountOption = { name: 'gid' };
const REQUIRED: MountOption = { name: 'required', values: ['true', 'false'] };

/** Each mount type's options, in the order completion offers them. A mount without `type=` is a bind mount. */
export const MOUNT_OPTIONS: Readonly<Record<MountType, readonly MountOption[]>> = {
  cache: [TARGET, { name: 'sharing', values: ['locked', 'shared', 'private'] }, ID, FROM, SOURCE, { name: 'readonly', aliases: ['ro'], switch: true }, MODE, UID, GID],
  bind: [TARGET, SOURCE, FROM, { name: 'readwrite', aliases: ['rw'], switch: true }],
  secret: [ID, TARGET, { name: 'env', since: '1.10' }, REQUIRED, MODE, UID, GID],
  ssh: [ID, TARGET, REQUIRED, MODE, UID, GID],
  tmpfs: [TARGET, { name: 'size' }],
};

export function isMountType(value: string): value is MountType {
  return (MOUNT_TYPES as readonly string[]).includes(value);
}
