// OpenPGP key servers that no longer answer, and the one to use instead. The SKS pool (`*.pool.sks-keyservers.net`)
// was shut down in June 2021 after a certificate-flooding attack; `keys.gnupg.net` was only a name for that pool.
// keyserver.ubuntu.com (Hockeypuck, still synchronising the old SKS data) is the usual replacement: unlike
// keys.openpgp.org it keeps the user ids of keys whose owner never verified an email address, which gpg needs to
// import a key at all.

/** Host names (and every host under them) of dead key servers. */
export const DEAD_KEYSERVERS: readonly string[] = ['sks-keyservers.net', 'keys.gnupg.net'];

/** The host a fix writes in place of a dead one. */
export const REPLACEMENT_KEYSERVER = 'keyserver.ubuntu.com';

const HOST = new RegExp(`(?<![\\w.-])((?:[\\w-]+\\.)*(?:${DEAD_KEYSERVERS.map((h) => h.replace(/\./g, '\\.')).join('|')}))(?![\\w-]|\\.[\\w-])`, 'gi');

/** Whether `text` names a dead key server anywhere: a plain search, which nearly every text fails, before the host pattern. */
export function mentionsDeadKeyserver(text: string): boolean {
  const lower = text.toLowerCase();
  return DEAD_KEYSERVERS.some((h) => lower.includes(h));
}

/** Each dead key server host in `text`, with its offset in `text`. */
export function deadKeyserverHosts(text: string): Array<{ host: string; index: number }> {
  if (!mentionsDeadKeyserver(text)) return [];
  const out: Array<{ host: string; index: number }> = [];
  for (const m of text.matchAll(HOST)) out.push({ host: m[1], index: m.index });
  return out;
}
