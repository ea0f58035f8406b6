// Findings as data: a rule declares each message and fix title once, as a template with named placeholders
// (`meta.messages`), and reports a message id with the data. The text is made here, in one place, so that a
// translation is one more table and tests can pin what a finding says without pinning its English.
import type { RuleMeta } from './types';
import { fillTemplate, PLACEHOLDER, ruleTemplate } from './i18n/catalog';
import type { Locale } from './i18n/locale';

/** Another message of the same rule, filled in its place: a part of a message that has wordings of its own. */
export interface MessageRef { messageId: string; data?: MessageData }

/** The values of a template's placeholders. */
export type MessageData = Readonly<Record<string, string | number | MessageRef>>;

/** The placeholder names a template uses, in order of first use. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

/**
 * A rule's message `id` with its placeholders filled, in `locale` (English where it has no translation). Throws
 * on an unknown id or a placeholder without data: the rule's test then fails, and in a lint the rule's findings
 * are dropped as for any rule error.
 */
export function formatMessage(meta: Pick<RuleMeta, 'id' | 'messages'>, id: string, data: MessageData = {}, locale: Locale = 'en'): string {
  const template = ruleTemplate(meta, id, locale);
  if (template === undefined) throw new Error(`${meta.id} has no message "${id}"`);
  return fillTemplate(template, (name) => (data[name] === undefined ? undefined : valueText(meta, data[name], locale)), `${meta.id}: message "${id}"`);
}

function valueText(meta: Pick<RuleMeta, 'id' | 'messages'>, value: string | number | MessageRef, locale: Locale): string {
  return typeof value === 'object' ? formatMessage(meta, value.messageId, value.data, locale) : String(value);
}

/** The data as strings, as findings carry it (a message in it as its text). */
export function dataStrings(meta: Pick<RuleMeta, 'id' | 'messages'>, data: MessageData | undefined, locale: Locale = 'en'): Record<string, string> | undefined {
  if (!data) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) out[k] = valueText(meta, v, locale);
  return out;
}
