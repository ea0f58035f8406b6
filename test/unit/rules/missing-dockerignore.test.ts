import rule from '../../../server/src/engine/rules/missing-dockerignore';
import { testRule } from '../../support/rule-tester';

const node = 'FROM node:22-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n';

testRule(rule, {
  valid: [
    { name: 'COPY . in a builder stage: its sources never ship', code: 'FROM golang:1.25 AS build\nCOPY . .\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\n', files: { 'main.go': '' } },
    { name: 'a .dockerignore exists', code: node, files: { '.dockerignore': '.git\n' } },
    { name: 'a Dockerfile-specific ignore file exists', code: node, files: { 'Dockerfile.dockerignore': 'node_modules\n' } },
    { name: 'nothing copies the whole context', code: 'FROM node:22-slim\nCOPY package.json ./\n', files: {} },
    { name: 'without file access nothing is known', code: node },
  ],
  invalid: [
    {
      name: 'COPY . in a stage with its own CMD: a target that runs (compose target: builder)',
      code: 'FROM golang:1.25 AS builder\nCOPY . .\nRUN go build -o bin/backend\nCMD ["/bin/backend"]\nFROM scratch\nCOPY --from=builder /bin/backend /backend\n',
      files: {},
      errors: [{ at: '2:6-2:7', messageId: 'noDockerignore', data: { keyword: 'COPY', source: '.' }, fixes: ['createDockerignore'] }],
      output: null,
      unsafeOutput: 'FROM golang:1.25 AS builder\nCOPY . .\nRUN go build -o bin/backend\nCMD ["/bin/backend"]\nFROM scratch\nCOPY --from=builder /bin/backend /backend\n',
      createdFiles: {
        '.dockerignore': '# Created by Dockwise: keeps secrets, history and local build output out of the build context.\n\n# Version control, secrets, logs and editor files\n.git\n.env\n.env.*\n!.env.example\n*.log\n.DS_Store\n.idea\n.vscode\n\n# Docker files themselves\nDockerfile*\n*.Dockerfile\n.dockerignore\ndocker-compose*.yml\ncompose*.yaml\n',
      },
    },
    {
      code: node,
      files: {},
      errors: [{ at: '5:6-5:7', messageId: 'noDockerignore', message: /no \.dockerignore/, fixes: ['createDockerignore'] }],
      output: null,
      unsafeOutput: node,
      createdFiles: {
        '.dockerignore': '# Created by Dockwise: keeps secrets, history and local build output out of the build context.\n\n# Version control, secrets, logs and editor files\n.git\n.env\n.env.*\n!.env.example\n*.log\n.DS_Store\n.idea\n.vscode\n\n# Docker files themselves\nDockerfile*\n*.Dockerfile\n.dockerignore\ndocker-compose*.yml\ncompose*.yaml\n\n# Node.js: dependencies are installed in the image\nnode_modules\nnpm-debug.log*\ncoverage\n',
      },
    },
    {
      name: 'keeps what the build needs: .git for git, target/ copied by name',
      code: 'FROM maven:3.9-eclipse-temurin-21 AS build\nCOPY . .\nRUN git describe --tags > version.txt && mvn -B package\nCOPY target/app.jar /app.jar\n',
      files: {},
      errors: [{ at: '2:6-2:7', messageId: 'noDockerignore', fixes: ['createDockerignore'] }],
      output: null,
      unsafeOutput: 'FROM maven:3.9-eclipse-temurin-21 AS build\nCOPY . .\nRUN git describe --tags > version.txt && mvn -B package\nCOPY target/app.jar /app.jar\n',
      createdFiles: {
        '.dockerignore': '# Created by Dockwise: keeps secrets, history and local build output out of the build context.\n\n# Version control, secrets, logs and editor files\n.env\n.env.*\n!.env.example\n*.log\n.DS_Store\n.idea\n.vscode\n\n# Docker files themselves\nDockerfile*\n*.Dockerfile\n.dockerignore\ndocker-compose*.yml\ncompose*.yaml\n',
      },
    },
    {
      name: 'never excludes what a COPY names: the Dockerfile, a compose file, an .env file, a glob, a folder\'s content',
      code: 'FROM python:3.13-slim\nWORKDIR /srv\nCOPY Dockerfile docker-compose.yml /srv/meta/\nCOPY .env.production ./\nCOPY *.log /srv/logs/\nCOPY config/ ./config/\nCOPY . .\n',
      files: {},
      errors: [{ at: '7:6-7:7', messageId: 'noDockerignore', fixes: ['createDockerignore'] }],
      output: null,
      unsafeOutput: 'FROM python:3.13-slim\nWORKDIR /srv\nCOPY Dockerfile docker-compose.yml /srv/meta/\nCOPY .env.production ./\nCOPY *.log /srv/logs/\nCOPY config/ ./config/\nCOPY . .\n',
      createdFiles: {
        '.dockerignore': '# Created by Dockwise: keeps secrets, history and local build output out of the build context.\n\n# Version control, secrets, logs and editor files\n.git\n.env\n!.env.example\n.DS_Store\n.idea\n.vscode\n\n# Docker files themselves\n*.Dockerfile\n.dockerignore\ncompose*.yaml\n\n# Python\n__pycache__\n*.pyc\n.venv\nvenv\n.pytest_cache\n',
      },
    },
  ],
});
