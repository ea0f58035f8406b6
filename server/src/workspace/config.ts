// Finding and loading config files for a Dockerfile: .dockwise.yaml up from its folder (to the workspace root when
// there is one), else .hadolint.yaml the same way, else the user's own. Each folder's answer and each file's
// contents are looked up once until `clear()`; a file's problems are reported once.
import { DOCKWISE_CONFIG_NAMES, HADOLINT_CONFIG_NAMES, MAX_CONFIG_BYTES, parseConfig, type ConfigProblem, type LoadedConfig } from '../engine/config/parse';
import { CONFIG_STRINGS } from '../engine/config/strings';
import { localize } from '../engine/i18n/catalog';
import type { Locale } from '../engine/i18n/locale';
import type { Host } from './host';
import { uriDirname, uriJoin } from './uri';

export class ConfigFiles {
  private readonly found = new Map<string, Promise<string | undefined>>();
  private readonly nearestIn = new Map<string, Promise<string | undefined>>();
  private user: Promise<string | undefined> | undefined;
  private readonly loaded = new Map<string, Promise<{ config?: LoadedConfig; problems: ConfigProblem[] }>>();

  constructor(private readonly host: Host, private readonly locale: () => Locale = () => 'en') {}

  /** The config file that applies to a Dockerfile in `folder`, as a URI; `stopAt`: the workspace folder. */
  find(folder: string, stopAt?: string): Promise<string | undefined> {
    const key = `${folder}\0${stopAt ?? ''}`;
    let hit = this.found.get(key);
    if (!hit) this.found.set(key, hit = this.search(folder, stopAt));
    return hit;
  }

  private async search(folder: string, stopAt?: string): Promise<string | undefined> {
    return (await this.nearest(DOCKWISE_CONFIG_NAMES, folder, stopAt))
      ?? (await this.nearest(HADOLINT_CONFIG_NAMES, folder, stopAt))
      ?? (await this.userConfig());
  }

  // Per folder, so a thousand Dockerfiles in sibling folders look at their common parents once.
  private nearest(names: readonly string[], dir: string, stopAt: string | undefined): Promise<string | undefined> {
    const key = `${names[0]}\0${dir}\0${stopAt ?? ''}`;
    let hit = this.nearestIn.get(key);
    if (!hit) {
      hit = (async () => {
        for (const n of names) if (await this.host.fs.isFile(uriJoin(dir, n))) return uriJoin(dir, n);
        const parent = uriDirname(dir);
        return dir === stopAt || parent === dir ? undefined : this.nearest(names, parent, stopAt);
      })();
      this.nearestIn.set(key, hit);
    }
    return hit;
  }

  private userConfig(): Promise<string | undefined> {
    return this.user ??= (async () => {
      for (const uri of this.host.userConfigUris()) if (await this.host.fs.isFile(uri)) return uri;
      return undefined;
    })();
  }

  /** A config file's settings (undefined when it cannot be used) and its problems. */
  load(uri: string, name = uri): Promise<{ config?: LoadedConfig; problems: ConfigProblem[] }> {
    let hit = this.loaded.get(uri);
    if (!hit) {
      hit = this.host.fs.read(uri, MAX_CONFIG_BYTES).then((read) => {
        const locale = this.locale();
        if ('text' in read) return parseConfig(name, read.text, locale);
        const message = read.tooLarge
          ? localize(CONFIG_STRINGS, 'config.largerThan', locale, { size: MAX_CONFIG_BYTES / 1024 })
          : localize(CONFIG_STRINGS, 'config.cannotRead', locale, { error: read.error });
        return { config: undefined, problems: [{ file: name, line: 0, message }] };
      });
      this.loaded.set(uri, hit);
    }
    return hit;
  }

  clear(): void {
    this.found.clear();
    this.nearestIn.clear();
    this.user = undefined;
    this.loaded.clear();
  }
}
