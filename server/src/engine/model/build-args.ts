// The build arguments BuildKit defines without an ARG: the platform of the build and of the target, and
// the proxy settings (these reach RUN's environment only).

export const PLATFORM_ARGS = ['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT'] as const;

/** Typical values, for judging what an expression becomes (`linux/amd64`). */
export const PLATFORM_ARG_EXAMPLES: Readonly<Record<string, string>> = {
  BUILDPLATFORM: 'linux/amd64', BUILDOS: 'linux', BUILDARCH: 'amd64', BUILDVARIANT: '',
  TARGETPLATFORM: 'linux/amd64', TARGETOS: 'linux', TARGETARCH: 'amd64', TARGETVARIANT: '',
};

export function isPlatformArg(name: string): boolean {
  return (PLATFORM_ARGS as readonly string[]).includes(name);
}

export const PROXY_ARGS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'] as const;

/**
 * Build args BuildKit itself reads, which no ARG needs to declare: its frontend settings (`BUILDKIT_INLINE_CACHE`,
 * `BUILDKIT_SYNTAX`, `BUILDKIT_CONTEXT_KEEP_GIT_DIR`, `BUILDKIT_MULTI_PLATFORM`, `BUILDKIT_CACHE_MOUNT_NS`,
 * `BUILDKIT_SANDBOX_HOSTNAME`, … all named `BUILDKIT_*`) and the timestamp of reproducible builds.
 */
export const BUILDKIT_ARG_PREFIX = 'BUILDKIT_';
export const BUILDKIT_ARGS = ['SOURCE_DATE_EPOCH'] as const;

/** An arg a build may pass without any ARG declaring it: a platform, proxy or BuildKit setting. */
export function isPredefinedBuildArg(name: string): boolean {
  return isPlatformArg(name) || (PROXY_ARGS as readonly string[]).includes(name) || name.startsWith(BUILDKIT_ARG_PREFIX) || (BUILDKIT_ARGS as readonly string[]).includes(name);
}
