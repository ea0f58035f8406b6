// The languages Dockwise speaks. English is written in the code (rules' `meta.messages` and `meta.docs`, the
// `STRINGS` table); each other language is one catalog file beside this one (ko.json) and its name here.

export const LOCALES = ['en', 'ko'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The language for a locale as editors and systems name it: a BCP 47 tag (VS Code's display language `ko`,
 * `ko-KR`) or a POSIX locale (`ko_KR.UTF-8`, `ko_KR@euro`). English for any language without a catalog, and for
 * none (`C`, `POSIX`, empty).
 */
export function localeOf(tag: string | undefined | null): Locale {
  const language = (tag ?? '').trim().toLowerCase().split(/[-_.@]/)[0];
  return isLocale(language) ? language : 'en';
}

/** The language of a command-line process: `LC_ALL`, then `LC_MESSAGES`, then `LANG`, as POSIX orders them. */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>>): Locale {
  return localeOf(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}
