// Which images are a language's SDK (the toolchain a build needs), and the smaller image each ecosystem's build
// output runs on. Read from the sources named below; the rule build-toolchain-in-final-stage reports an SDK image
// under the shipped stage, and the refactoring split-builder-stage moves the build onto it and ships the runtime.
import { officialName } from '../model/image-lifecycle';
import type { ImageReference } from '../model/image';

export const RUNTIME_BASES_SOURCE = {
  official: 'https://github.com/docker-library/official-images/tree/37079fb336f572a88700cf32e5e1f6be54a04e8f/library',
  distroless: 'https://github.com/GoogleContainerTools/distroless/blob/cd080764af3103b2f49fb5eb23297c72c945e77a/README.md',
  dotnet: 'https://learn.microsoft.com/dotnet/core/docker/container-images',
  recorded: '2026-12-07',
} as const;

/** Official images that are a build toolchain: a language's SDK, or buildpack-deps (compilers and headers). */
export const SDK_IMAGES: readonly string[] = ['golang', 'maven', 'gradle', 'rust', 'buildpack-deps'];

/** SDK images outside Docker Hub, by registry and name, with the name a message shows. */
export const REGISTRY_SDK_IMAGES: Readonly<Record<string, string>> = {
  'mcr.microsoft.com/dotnet/sdk': 'dotnet/sdk',
};

/** The SDK `ref` names (`golang`, `dotnet/sdk`), or undefined for any other image. */
export function sdkImageName(ref: ImageReference): string | undefined {
  const official = officialName(ref);
  if (official) return SDK_IMAGES.includes(official) ? official : undefined;
  const full = `${(ref.registry ?? '').toLowerCase()}/${ref.name.toLowerCase()}`;
  return REGISTRY_SDK_IMAGES[full];
}

/**
 * The Debian release the official language images' tags without a codename (`node:22`, `golang:1.25`,
 * `rust:1.90`, `python:3.13`) are built on today: trixie. A runtime base for their output must be of the same
 * release or newer (a binary linked against trixie's glibc does not start on bookworm's).
 */
export const DEFAULT_DEBIAN_RELEASE = { version: 13, codename: 'trixie' } as const;
export const DEBIAN_CODENAMES: Readonly<Record<number, string>> = { 12: 'bookworm', 13: 'trixie' };

/**
 * The slim variant of a language image's tag, by the variant the builder's tag has after its release line
 * ('' for the line's own tag). Alpine is already small: it stays. Every value is in TAG_VARIANTS (image-variants.ts).
 */
export const SLIM_VARIANTS: Readonly<Record<'node' | 'python', Readonly<Record<string, string>>>> = {
  node: { '': 'slim', trixie: 'trixie-slim', bookworm: 'bookworm-slim', slim: 'slim', alpine: 'alpine', 'trixie-slim': 'trixie-slim', 'bookworm-slim': 'bookworm-slim' },
  python: { '': 'slim', trixie: 'slim-trixie', bookworm: 'slim-bookworm', slim: 'slim', alpine: 'alpine', 'slim-trixie': 'slim-trixie', 'slim-bookworm': 'slim-bookworm' },
};

/** Java: the JDK's major in the tags of the images that build with it (`maven:3.9-eclipse-temurin-21`, `gradle:8.14-jdk21`, `eclipse-temurin:21-jdk`). */
export const JDK_MAJOR_IN_TAG = [/(?:^|-)(?:eclipse-)?temurin-(\d+)(?:-|$)/, /(?:^|-)jdk-?(\d+)(?:-|$)/, /^(\d+)(?:[.-]|$)/];
/** The JRE a JDK build runs on: Eclipse Temurin's `<major>-jre` (`-jre-alpine` for an Alpine build). */
export const JAVA_RUNTIME = { image: 'eclipse-temurin', tag: (major: string, alpine: boolean) => `${major}-jre${alpine ? '-alpine' : ''}` };

/**
 * Go: a static binary (CGO_ENABLED=0) needs no libc; one built with cgo needs glibc (distroless base). Tagged
 * `nonroot` (the image's user 65532; a USER in the file still decides), never untagged.
 */
export const GO_RUNTIME = { static: (debian: number) => `gcr.io/distroless/static-debian${debian}:nonroot`, glibc: (debian: number) => `gcr.io/distroless/base-debian${debian}:nonroot` };

/** .NET: the ASP.NET Core runtime for web apps (the default: it also runs console apps), the plain runtime for console apps, with the SDK's tag. */
export const DOTNET_RUNTIME = { aspnet: 'mcr.microsoft.com/dotnet/aspnet', runtime: 'mcr.microsoft.com/dotnet/runtime' };
