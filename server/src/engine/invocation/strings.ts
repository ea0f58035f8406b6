// The English texts of what cannot be read in compose and bake files (shown beside the invocations found).
import { defineStrings } from '../i18n/catalog';

export const INVOCATION_STRINGS = defineStrings({
  'invocation.yaml.invalid': 'not valid YAML: {error}',
  'invocation.json.invalid': 'not valid JSON: {error}',
  'invocation.compose.notMapping': 'expected a mapping with "services" at the top level',
  'invocation.compose.servicesNotMapping': '"services" should be a mapping of service names to services',
  'invocation.compose.buildInvalid': 'service "{service}": "build" should be a path or a mapping',
  'invocation.compose.extendsUnknown': 'service "{service}" extends "{base}", which is not defined there; its build settings are not followed',
  'invocation.compose.extendsFileMissing': 'service "{service}" extends "{base}" in {file}, a file that was not read; its build settings are not followed',
  'invocation.compose.includeInvalid': 'an "include" entry should be a path or a mapping with "path"; it is not read',
  'invocation.compose.includeMissing': 'the included compose file {file} cannot be read; its services are not known here',
  'invocation.compose.includeConflict': 'service "{service}" of the included {file} is also defined here; compose refuses the project',
  'invocation.compose.includeTooDeep': 'includes nested deeper than {depth} (or in a cycle) are not read',
  'invocation.compose.extendsCycle': 'service "{service}": "extends" leads back to itself; not followed',
  'invocation.interpolation.required': '${{name}} is required: {message}',
  'invocation.interpolation.invalid': 'cannot read the substitution "{text}"; it is kept as written',
  'invocation.hcl.syntax': 'cannot read the file from here on: {error}',
  'invocation.bake.notEvaluated': '{what} is not evaluated, so {attribute} of target "{target}" is left out',
  'invocation.bake.notEvaluatedVariable': '{what} is not evaluated, so variable "{variable}" has no value',
  'invocation.bake.inheritsUnknown': 'target "{target}" inherits "{base}", which is not defined',
  'invocation.bake.inheritsCycle': 'target "{target}": "inherits" leads back to itself; not followed',
  'invocation.bake.groupUnknown': 'group "{group}" names "{name}", which is neither a target nor a group',
  'invocation.bake.matrixInvalid': 'the matrix of target "{target}" should map names to lists; it is not expanded',
  'invocation.bake.unknownBlock': 'a "{type}" block is not part of a bake file; it is ignored',
});
