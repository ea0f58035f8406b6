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
