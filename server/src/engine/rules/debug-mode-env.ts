import { defineRule } from '../rule';
import type { Instr } from '../model/dockerfile';
import { substitute } from '../model/variables';

const ENV_NAME = /^([A-Z0-9_]*_)?ENV(IRONMENT)?$/i;
const DEV_VALUE = /^(dev|devel|develop|development)$/i;
// A bare `DEBUG` is read by many tools for other things (the `debug` npm module takes namespaces, Makefiles build
// debug binaries with `DEBUG=1`): only a prefixed one (`FLASK_DEBUG`, `APP_DEBUG`) names an application's mode.
const DEBUG_NAME = /^[A-Z0-9_]*_DEBUG$/i;
const ON_VALUE = /^(true|yes|on|1)$/i;

/** What `name=value` turns on: `debug` or `development` mode, or undefined. */
function mode(name: string, value: string): 'debug' | 'development' | undefined {
  if (ENV_NAME.test(name) && DEV_VALUE.test(value)) return 'development';
  if (DEBUG_NAME.test(name) && ON_VALUE.test(value)) return 'debug';
  if (name.toUpperCase() === 'XDEBUG_MODE' && value !== '' && value.toLowerCase() !== 'off') return 'debug';
  return undefined;
}

export default defineRule({
  meta: {
    id: 'debug-mode-env',
    aliases: {},
    counterparts: { sonar: ['S4507'], differences: 'Judges the final stage only, resolves ARG values (`ENV NODE_ENV=$NODE_ENV`), leaves a bare `DEBUG` alone (Makefiles and the `debug` npm module read it for other things), and underlines the value.' },
    category: 'security',
    status: 'preview',
    defaultSeverity: 'info',
    messages: {
      devMode: '`{name}={value}` puts the application in {mode} mode in the image it ships',
    },
    docs: {
      summary: 'ENV that turns on debug or development mode in the final image',
      why: 'Debug and development modes (`FLASK_DEBUG=1`, `NODE_ENV=development`, `XDEBUG_MODE=debug`) show stack traces and configuration to whoever triggers an error, some open an interactive debugger or a debug port, and frameworks skip caching and hardening in them. Set in the final stage, they ship with every container of the image. Keep them in a build or development stage, or let the developer set them at run time (`docker run -e FLASK_DEBUG=1`).',
      examples: [
        { bad: 'FROM python:3.13-slim\nENV FLASK_DEBUG=1\nCMD ["flask", "run"]\n', good: 'FROM python:3.13-slim\nENV FLASK_DEBUG=0\nCMD ["flask", "run"]\n' },
        { bad: 'FROM node:22-slim\nENV NODE_ENV=development\nCMD ["node", "server.js"]\n', good: 'FROM node:22-slim AS dev\nENV NODE_ENV=development\nFROM node:22-slim\nENV NODE_ENV=production\nCMD ["node", "server.js"]\n', note: 'A development stage of its own is fine: only the stage that ships is judged.' },
      ],
      references: ['https://docs.docker.com/build/building/multi-stage/', 'https://docs.docker.com/reference/cli/docker/container/run/#env'],
    },
  },
  create(ctx) {
    const { model } = ctx;
    return {
      instructions: {
        ENV(instr: Instr) {
          if (!instr.stage?.isFinal) return;
          for (const p of instr.props) {
            if (p.value === null || p.valueStart === undefined || p.valueEnd === undefined) continue;
            const { value, unresolved } = substitute(p.value, (n) => model.lookupVariable(n, instr)?.value, model.escapeChar);
            if (unresolved.length) continue;
            const m = mode(p.name, value.trim());
            if (m) ctx.report({ start: p.valueStart, end: p.valueEnd, messageId: 'devMode', data: { name: p.name, value: value.trim(), mode: m } });
          }
        },
      },
    };
  },
});
