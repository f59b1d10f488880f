import { Command } from 'commander';
import { cliVersion } from './pack/locate.js';
import { DEFAULT_LANGUAGE, PACK_TYPES, SCOPES } from './types.js';
import { DEFAULT_TOOLS } from './tools/defaults.js';

/** A repeatable option: every value given is kept (`--ai claude --ai cursor`). */
function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * The command table. Each action imports its command module on demand, so `--help`,
 * `--version` and `list` never load inquirer, ora or handlebars.
 */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('ai-flow')
    // Settings set here are inherited by every subcommand added below.
    .exitOverride()
    // commander's own usage errors, in the one-line `ai-flow: …` form of SPEC §7.
    .configureOutput({ outputError: (text, write) => write(`ai-flow: ${text.replace(/^error: /, '').trim()} — run \`ai-flow --help\` for usage\n`) })
    .description('Install a guided AI workflow (prompts, document templates, slash commands) into a repository, for every AI coding assistant.')
    .version(cliVersion(), '-v, --version')
    .configureHelp({ showGlobalOptions: true })
    .option('--verbose', 'list every file and show stack traces on errors');

  program
    .command('init')
    .description('interview, then install the prompt pack, AGENTS.md, rules and slash commands into dir')
    .argument('[dir]', 'target directory', '.')
    .option('--type <types>', `the project's parts, comma-separated: ${PACK_TYPES.join(', ')} (fullstack = backend,frontend; default: detected, else backend)`)
    .option('--part-dir <type=dir>', 'each part\'s folder, comma-separated or repeated, e.g. backend=server,mobile=app (default: detected, else .)', collect)
    .option('--ai <tools>', `AI tools: ids or aliases, comma-separated or repeated, or "all" (\`ai-flow list\` shows them; default: the tools already in the repository, else ${DEFAULT_TOOLS.join(', ')})`, collect)
    .option('--delivery <kind>', 'auto (each tool\'s default), commands or skills, where a tool has both')
    .option('--name <name>', 'project name (default: package.json name, else the folder name)')
    .option('--description <text>', 'one-line description of the project (default: the manifest\'s description, e.g. package.json, else empty)')
    .option('--scope <scope>', `depth of the interview and defaults: ${SCOPES.join(', ')} (default: production)`)
    .option('--language <name>', `language of the documents the assistant writes (default: ${DEFAULT_LANGUAGE})`)
    .option('--pack <source>', 'a team pack or overlay: a folder (./packs/acme), a .tgz, or a package in node_modules; repeat to stack overlays, bottom first', collect)
    .option('--answers <file>', 'read answers from a JSON file, or - for standard input (keys: name, description, type, parts, scope, tools, delivery, language, stack)')
    .option('--force', 'reinstall over an existing installation; your edits are merged, never discarded')
    .option('-y, --yes', 'never prompt: flags, then saved answers, then detected values, then defaults')
    .option('--dry-run', 'render everything and print the plan; write nothing')
    .option('--json', 'print the plan or result as one JSON document')
    .action(async (dir: string, opts: Record<string, unknown>) => {
      const { init } = await import('./commands/init.js');
      setExit(await init(dir, { ...opts, verbose: program.opts().verbose as boolean | undefined }));
    });

  program
    .command('update')
    .description('refresh an installation to this version; your edits are kept or merged')
    .argument('[dir]', 'target directory', '.')
    .option('--ai <tools>', 'change the AI tools (comma-separated or repeated, or "all"): added ones are installed, dropped ones removed', collect)
    .option('--delivery <kind>', 'change the delivery: auto, commands or skills')
    .option('--language <name>', 'change the language of the documents the assistant writes (only the files that mention it change)')
    .option('--restore', 'bring back files you deleted')
    .option('--check', 'write nothing; exit 1 when anything would change (for CI)')
    .option('-y, --yes', 'never prompt (update never prompts; accepted for symmetry)')
    .option('--dry-run', 'print the plan; write nothing')
    .option('--json', 'print the plan or result as one JSON document')
    .action(async (dir: string, opts: Record<string, unknown>) => {
      const { update } = await import('./commands/update.js');
      setExit(await update(dir, { ...opts, verbose: program.opts().verbose as boolean | undefined }));
    });

  program
    .command('doctor')
    .description('report the health of an installation; --pack lints the pack this CLI ships')
    .argument('[dir]', 'target directory (default: .); with --pack, a pack to lint, as `ai-flow pack lint <dir>`')
    .option('--pack', 'lint the shipped pack for every project type and AI tool')
    .option('--json', 'print the findings as one JSON document')
    .action(async (dir: string, opts: Record<string, unknown>) => {
      const { doctor } = await import('./commands/doctor.js');
      setExit(await doctor(dir, opts));
    });

  const pack = program.command('pack').description('write and check team packs and overlays (see docs/pack-authoring.md)');
  pack
    .command('new')
    .description('write a minimal overlay into a new folder: one added command, one replaced phase, a README')
    .argument('<dir>', 'a new or empty folder')
    .option('--json', 'print the files written as one JSON document')
    .action(async (dir: string, opts: Record<string, unknown>) => {
      const { packNew } = await import('./commands/pack.js');
      setExit(await packNew(dir, opts));
    });
  pack
    .command('lint')
    .description('run every `doctor --pack` rule on a pack combined with what it extends, for every type and tool; exit 1 on a finding')
    .argument('<source...>', 'the pack (folder, .tgz or package name); several stack bottom first, e.g. ./base ./overlay')
    .option('--json', 'print the findings as one JSON document')
    .action(async (sources: string[], opts: Record<string, unknown>) => {
      const { packLint } = await import('./commands/pack.js');
      setExit(await packLint(sources, opts));
    });

  program
    .command('uninstall')
    .description('remove what ai-flow wrote: unedited files, its blocks, its state; your edits stay')
    .argument('[dir]', 'target directory', '.')
    .option('--force', 'also remove the files you edited (asks first on a terminal)')
    .option('-y, --yes', 'never prompt (with --force: remove edited files without asking)')
    .option('--dry-run', 'print what would be removed; write nothing')
    .option('--json', 'print the plan or result as one JSON document')
    .action(async (dir: string, opts: Record<string, unknown>) => {
      const { uninstall } = await import('./commands/uninstall.js');
      setExit(await uninstall(dir, { ...opts, verbose: program.opts().verbose as boolean | undefined }));
    });

  program
    .command('list')
    .description('the project types, their phases, the AI tools and their files')
    .option('--ai <tools>', 'show these tools as installed together (ids, aliases or "all"); default: each alone', collect)
    .option('--delivery <kind>', 'auto, commands or skills, as init --delivery')
    .option('--json', 'print as one JSON document')
    .action(async (opts: Record<string, unknown>) => {
      const { list } = await import('./commands/list.js');
      setExit(await list(opts));
    });

  program.addHelpText('after', `
Exit codes: 0 success, 1 a check failed (conflicts, refused overwrite, drift, doctor findings),
2 bad usage or input, 3 file-system error, 4 corrupt or unknown .ai-flow state, 130 cancelled.
Without a terminal on stdin every command behaves as with --yes.`);
  return program;
}
