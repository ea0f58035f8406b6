// The English texts of configuration problems: config files (parse.ts, and reading them in the workspace), editor
// settings and command-line flags (resolve.ts), and the "did you mean" of a misspelt rule or profile name.
// A setting's key (`rules`, `override.error`, `dockwise.profile`) is code and stays as it is in every language.
import { defineStrings } from '../i18n/catalog';

export const CONFIG_STRINGS = defineStrings({
  'config.at': '{where}: {problem}',
  'config.tooLarge': 'the file is too large; using the defaults',
  'config.largerThan': 'the file is larger than {size} KB; using the defaults',
  'config.cannotRead': 'cannot read it ({error}); using the defaults',
  'config.invalidYaml': 'not valid YAML: {error}; using the defaults',
  'config.notMapping': 'expected a mapping of settings at the top level; using the defaults',
  'config.unknownKey': 'unknown key "{key}"',
  'config.expectedRule': 'expected a rule id or code',
  'config.expectedList': 'expected a list',
  'config.expectedBoolean': 'expected true or false',
  'config.override.expectedLists': 'expected error/warning/info/style lists',
  'config.override.unknownSeverity': 'unknown severity "{severity}" (use error, warning, info or style)',
  'config.rules.expectedMapping': 'expected a mapping of rule id to off/error/warning/info/style',
  'config.rules.badSeverity': '"{severity}" is not one of {severities}',
  'config.profile.expected': 'expected one of {profiles}. Using {profile}.',
  'config.failureThreshold.invalid': '"{value}" is not one of error, warning, info, style, none',
  'config.fixes.unknownKey': 'unknown key "{key}" (only "unsafe: true|false")',
  'config.fixes.expected': 'expected "unsafe: true|false"',
  'config.labelSchema.expectedMapping': 'expected a mapping of label to type',
  'config.format.expectedMapping': 'expected a mapping of formatter options (keywordCase: upper, indent: 4, …)',
  'config.format.badValue': '"{value}" is not one of {accepts}',
  'config.format.unknownOption': 'unknown formatter option "{name}"; the options are {options}',
  'config.format.unknownOptionDidYouMean': 'unknown formatter option "{name}"; did you mean "{hint}"?',
  'config.settings.badSeverity': '"{severity}" for {name} is not one of off, error, warning, info, style',
  'config.unknownRule': 'unknown rule "{name}"',
  'config.unknownRuleDidYouMean': 'unknown rule "{name}"; did you mean "{hint}"?',
  'config.unknownProfileDidYouMean': 'unknown profile "{name}"; did you mean "{hint}"?',
  'config.unknownProfileList': 'unknown profile "{name}"; the profiles are {profiles}.',
  'config.usingProfile': '{problem} Using {profile}.',
});

export type ConfigStringId = keyof typeof CONFIG_STRINGS;
