/**
 * npm run deploy [-- dev|prod|probe]: the only way this project pushes to Apps Script. It runs
 * every test first (`npm test`: format, types, lint, import rules, build, Jest) and stops at the
 * first failure, then builds what it pushes, then `clasp --project .clasp.<target>.json push`
 * (clasp 3: "-P, --project <file>  path to a project file", `clasp --help`). A project file whose
 * scriptId is still the placeholder is refused before anything runs.
 *
 * The commands can be replaced (CIRC_DEPLOY_TEST, CIRC_DEPLOY_BUILD, CIRC_DEPLOY_CLASP, and
 * CIRC_DEPLOY_ROOT for where the project files are), so that a test can prove that a failing test
 * command means no push (test/build/deploy.test.ts).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const TARGETS = {
  dev: { build: 'npm run build' },
  prod: { build: 'npm run build' },
  probe: { build: 'npm run build:probe' },
} as const;
export type Target = keyof typeof TARGETS;

function sh(command: string, env: NodeJS.ProcessEnv): number {
  console.log(`\n> ${command}`);
  const r = spawnSync(command, { shell: true, stdio: 'inherit', env });
  return r.status ?? 1;
}

/** Runs the deployment; returns the exit code (0 = pushed). */
export function deploy(target: string, env: NodeJS.ProcessEnv = process.env): number {
  if (!(target in TARGETS)) {
    console.error(`Unknown target '${target}': use one of ${Object.keys(TARGETS).join(', ')}.`);
    return 2;
  }
  const root = env.CIRC_DEPLOY_ROOT ?? path.resolve(__dirname, '..');
  const project = path.join(root, `.clasp.${target}.json`);
  if (!fs.existsSync(project)) {
    console.error(`No project file ${project}: create it (README, "Deploying").`);
    return 2;
  }
  const { scriptId } = JSON.parse(fs.readFileSync(project, 'utf8')) as { scriptId?: string };
  if (!scriptId || /^REPLACE_/.test(scriptId)) {
    console.error(
      `${project} still holds the placeholder scriptId: put the script's id there first.`,
    );
    return 2;
  }
  const steps = [
    env.CIRC_DEPLOY_TEST ?? 'npm test',
    env.CIRC_DEPLOY_BUILD ?? TARGETS[target as Target].build,
    `${env.CIRC_DEPLOY_CLASP ?? 'npx clasp'} --project ${JSON.stringify(project)} push`,
  ];
  for (const [i, step] of steps.entries()) {
    const code = sh(step, env);
    if (code !== 0) {
      console.error(
        i < 2
          ? `\nNot pushed: '${step}' failed (exit ${code}). Fix it and run npm run deploy again.`
          : `\nclasp push failed (exit ${code}).`,
      );
      return code;
    }
  }
  console.log(`\nPushed to ${target} (${scriptId}).`);
  return 0;
}

if (require.main === module) process.exit(deploy(process.argv[2] ?? 'dev'));
