// Compose and bake files read into invocations (how each Dockerfile is built), for the rules, the editor and the command.
export * from './types';
export { composeInvocations, interpolate, parseDotEnv } from './compose';
export { bakeInvocations, secretId } from './bake';
export { allInvocationFileNames, bakeProjectFiles, composeProjectFiles, invocationFileNames, invocationsFor } from './discover';
export { INVOCATION_STRINGS } from './strings';
