// The engine's public surface: what the CLI, the language server, tests and benchmarks import.
export * from './types';
export { plainText } from './plain-text';
export { lintText, lintModel, unskipped, type LintOptions, type LintResult } from './linter';
export { lintIncremental, type LintMemo } from './incremental-lint';
export { fixAll, applyEdits, applyFix, parseProblemCount, fixProblem, meaningProblem, type FixAllOptions, type FixAllResult } from './fix/apply';
export { meaningOf, unexplainedChange, type Meaning, type InstructionMeaning, type ScriptMeaning, type ShellTree } from './fix/meaning';
export { initShellParser, shellParserReady, clearShellCache, parseShellUncached, type ShellParserWasm } from './model/shell';
export { DockerfileModel } from './model/dockerfile';
export { runShellcheck, type ShellcheckOptions, type ShellcheckRunner } from './shellcheck';
export { allRules } from './rules';
export { findRule, findRules } from './rule-lookup';
export type { Rule, RuleContext, RuleHandlers, FileAccess, EngineSettings } from './rule';
export { cachedFiles, memoryFiles } from './rule';
export { PAGE_STRINGS, ruleMarkdown, ruleHelpMarkdown, ruleHelpText, ruleHoverMarkdown, ruleTableMarkdown, withRuleTable, profilesMarkdown, counterpartsMarkdown, profileSettingEnum, profileSettingTexts, profilesSentence } from './docs/markdown';
export { formatOptionsTable, withFormatOptionsTable } from './docs/format-options';
export * from './config';
export { LOCALES, isLocale, localeOf, localeFromEnvironment, type Locale } from './i18n/locale';
export { CATALOGS, defineStrings, localize, localizedDocs, speaker, stringTables, type Catalog, type RuleTexts, type Strings } from './i18n/catalog';
