import { Command, InvalidArgumentError, Option } from 'commander';
import type { CommandContext } from '../command-context.js';
import { generateProviderPackage, type GeneratedProviderPackage } from '../new-provider/generate-provider-package.js';
import { providerNameProblem } from '../new-provider/provider-names.js';
import { defaultProviderTemplate, providerTemplateNames, providerTemplates, type ProviderTemplate } from '../new-provider/provider-templates.js';
import { runPnpmInstall } from '../new-provider/run-pnpm-install.js';

interface NewProviderOptions {
  template: ProviderTemplate;
  dir: string;
  force?: boolean;
  install?: boolean;
}

/**
 * `switchboard new provider NAME`: writes `packages/provider-NAME` from a template, a
 * package that passes the conformance suite as generated. Prints the files and the next
 * steps on stdout; `--install` runs `pnpm install` in the workspace root afterwards.
 */
export function newProviderCommand(context: CommandContext): Command {
  const templates = providerTemplateNames.map((name) => `  ${name.padEnd(18)}${providerTemplates[name]}`).join('\n');
  return new Command('provider')
    .description('create packages/provider-NAME (@switchboard/provider-NAME): a provider package with tests and the conformance suite')
    .argument('<name>', 'lowercase letters, digits and dashes, e.g. acme-chat', parseProviderName)
    .addOption(new Option('-t, --template <template>', 'what the provider talks to').choices(providerTemplateNames).default(defaultProviderTemplate))
    .addOption(new Option('--dir <dir>', 'folder under the workspace root that receives provider-NAME').default('packages'))
    .option('--force', 'write into an existing provider-NAME folder, replacing the files of the same name')
    .option('--install', 'run pnpm install in the workspace root afterwards')
    .addHelpText('after', `\nTemplates:\n${templates}\n\nThe workspace is the nearest folder upwards holding pnpm-workspace.yaml.`)
    .action(async (name: string, options: NewProviderOptions) => {
      const { io } = context;
      const generated = await generateProviderPackage({ name, template: options.template, cwd: io.cwd, directory: options.dir, force: options.force });
      io.stdout.write(describeCreated(generated));
      if (!generated.inWorkspace) {
        io.stderr.write(`Warning: pnpm-workspace.yaml does not cover ${generated.path}; add it to "packages" there, or pnpm will not link the package.\n`);
      }
      if (options.install === true) {
        io.stdout.write(`\nRunning pnpm install in ${generated.workspaceRoot}\n`);
        await runPnpmInstall(generated.workspaceRoot, io);
      }
      io.stdout.write(describeNextSteps(generated, options.install === true));
    });
}

function parseProviderName(name: string): string {
  const problem = providerNameProblem(name);
  if (problem !== undefined) throw new InvalidArgumentError(problem);
  return name;
}

function describeCreated(generated: GeneratedProviderPackage): string {
  const files = generated.files.map((file) => `  ${generated.path}/${file}\n`).join('');
  return `Created ${generated.packageName} in ${generated.path} from the ${generated.template} template:\n${files}`;
}

function describeNextSteps(generated: GeneratedProviderPackage, installed: boolean): string {
  const steps = [...(installed ? [] : ['pnpm install']), `pnpm --filter ${generated.packageName} test`];
  return (
    `\nNext steps, in ${generated.workspaceRoot}:\n${steps.map((step) => `  ${step}\n`).join('')}` +
    `Then make it talk to the real back end: its metadata, provider and settings are in ${generated.path}/src; ` +
    'keep src/conformance.test.ts passing.\n'
  );
}
