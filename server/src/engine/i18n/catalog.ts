// Translations: one catalog per language other than English (ko.json), holding each rule's messages and docs by
// rule id and every other text by its id. English stays where it is written: a rule's `meta`, and string tables
// (`defineStrings`) beside the code that shows them. A missing translation falls back to the English, and a
// test fails on it, so a user never sees an id.
import type { RuleDocs, RuleMeta } from '../types';
import type { Locale } from './locale';
import ko from './ko.json';

/** A rule's texts in one language: its messages and fix titles by id, and the prose of its docs. */
export interface RuleTexts {
  messages: Record<string, string>;
  summary: string;
  why: string;
  fixSafety?: string;
  /** Notes of the rule's examples, by the example's index. */
  notes?: Record<string, string>;
}

export interface Catalog {
  rules: Record<string, RuleTexts>;
  /** Messages that several rules declare from one table (defineSharedMessages), by id: translated once. */
  shared: Record<string, string>;
  strings: Record<string, string>;
}

export const CATALOGS: Readonly<Record<Exclude<Locale, 'en'>, Catalog>> = { ko };

function catalogOf(locale: Locale): Catalog | undefined {
  return locale === 'en' ? undefined : CATALOGS[locale];
}

const sharedTables: Array<Readonly<Record<string, string>>> = [];

/**
 * Declares wordings that several rules spread into their `meta.messages` (the pinning advice of every package
 * manager's rule): a catalog translates them once, under `shared`, rather than once per rule.
 */
export function defineSharedMessages<T extends Readonly<Record<string, string>>>(table: T): T {
  sharedTables.push(table);
  return table;
}

/** Every shared table declared so far. */
export function sharedMessageTables(): ReadonlyArray<Readonly<Record<string, string>>> {
  return sharedTables;
}

/** Whether the rule's message `id` is a shared one: declared by a shared table with the same English. */
export function isSharedMessage(meta: Pick<RuleMeta, 'messages'>, id: string): boolean {
  const english = meta.messages?.[id];
  return english !== undefined && sharedTables.some((t) => t[id] === english);
}

/** The template of a rule's message (or fix title) `id` in `locale`, English when it has no translation. */
export function ruleTemplate(meta: Pick<RuleMeta, 'id' | 'messages'>, id: string, locale: Locale): string | undefined {
  const catalog = catalogOf(locale);
  return catalog?.rules[meta.id]?.messages[id] ?? (catalog && isSharedMessage(meta, id) ? catalog.shared[id] : undefined) ?? meta.messages?.[id];
}

/** A rule's docs in `locale`: its prose translated, its examples' code and its references as they are. */
export function localizedDocs(meta: Pick<RuleMeta, 'id' | 'docs'>, locale: Locale): RuleDocs {
  const texts = catalogOf(locale)?.rules[meta.id];
  const docs = meta.docs;
  if (!texts) return docs;
  return {
    ...docs,
    summary: texts.summary || docs.summary,
    why: texts.why || docs.why,
    ...(docs.fixSafety ? { fixSafety: texts.fixSafety || docs.fixSafety } : {}),
    examples: docs.examples.map((x, i) => (x.note ? { ...x, note: texts.notes?.[i] || x.note } : x)),
  };
}

/** A template's placeholder: `{name}`. */
export const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/**
 * Fills a template's `{name}` placeholders with `value(name)` (or `data[name]`); a value missing is an error of
 * the caller, named by `what`.
 */
export function fillTemplate(template: string, data: Readonly<Record<string, string | number>> | ((name: string) => string | undefined), what: string): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = typeof data === 'function' ? data(name) : data[name];
    if (value === undefined) throw new Error(`${what} needs {${name}}`);
    return String(value);
  });
}

/** A table of English texts by id (`cli.usage.unknownFormat`); ids are unique across all tables. */
export type Strings = Readonly<Record<string, string>>;

const tables: Strings[] = [];

/** Declares a table of English texts, so the catalog test can hold every language to it. */
export function defineStrings<T extends Strings>(table: T): T {
  tables.push(table);
  return table;
}

/** Every table declared so far (each module declares its own when loaded). */
export function stringTables(): readonly Strings[] {
  return tables;
}

/** The text `id` of `table` in `locale` with its placeholders filled. */
export function localize<T extends Strings>(table: T, id: keyof T & string, locale: Locale, data: Readonly<Record<string, string | number>> = {}): string {
  const template = catalogOf(locale)?.strings[id] ?? table[id];
  if (template === undefined) throw new Error(`no text "${id}"`);
  return fillTemplate(template, data, `text "${id}"`);
}

/** A function that speaks one table in one language: `const t = speaker(TABLE, locale); t('id', data)`. */
export function speaker<T extends Strings>(table: T, locale: Locale): (id: keyof T & string, data?: Readonly<Record<string, string | number>>) => string {
  return (id, data) => localize(table, id, locale, data);
}
