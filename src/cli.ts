#!/usr/bin/env node
// The only file that reads argv and touches `process` (exit codes, signals); it parses the command
// line and dispatches to a command in src/commands/, nothing else. Each command is loaded by
// dynamic import, so a run pays only for the code it uses: pipe mode never loads the TUI (ink,
// react) or the KB compiler (unified, remark, yaml). scripts/bundle.ts bundles this file with all
// of pipe mode into dist/cli.js; the other commands stay separate files the import() calls load.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ExitCode } from './exit-codes.js';
import { HELP, USAGE_HINT } from './help.js';
import type { CommandIO } from './command-io.js';
import { toGlobalOptions } from './commands/global-options.js';
import { mistypedCommand } from './commands/nearest-command.js';
import { UsageError } from './commands/usage-error.js';

/**
 * true in the single executable (`npm run sea`, scripts/build-sea.ts), false in dist/cli.js: set by
 * esbuild's `define`, so each build keeps only its own branch. The executable has no package on
 * disk: package.json and the compiled KB are SEA assets, and the authoring tools are left out.
 */
declare const ROOTLESS_DOCTOR_SEA: boolean;

const COMMANDS = new Set(['check', 'search', 'show', 'tui', 'kb', 'help', 'version']);

async function main(argv: string[]): Promise<ExitCode> {
  const controller = new AbortController();
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    // a second signal means "now": do not wait for the command to wind down
    if (signals > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    // `| head -1` closed the pipe: nobody is reading any more, so stop quietly
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.ok);
    throw error;
  });

  const io: CommandIO = {
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    signal: controller.signal,
  };

  const { values, positionals } = parseCommandLine(argv);
  const [first, ...rest] = positionals;
  const command = first !== undefined && COMMANDS.has(first) ? first : undefined;
  if (values.help || (command === 'help' && rest.length === 0)) {
    io.stdout.write(HELP);
    return ExitCode.ok;
  }
  if (values.version || (command === 'version' && rest.length === 0)) {
    const { runVersion } = await import('./commands/version.js');
    return runVersion(io);
  }

  const resolved = toGlobalOptions(values, io);
  if ('problem' in resolved) {
    io.stderr.write(`rootless-doctor: ${resolved.problem}\n`);
    return ExitCode.usage;
  }
  const { options } = resolved;
  if (values.user !== undefined && command !== 'check')
    throw new UsageError('`--user NAME` only works with `check`');

  switch (command) {
    case 'help':
    case 'version':
      throw new UsageError(`unexpected argument \`${rest[0]}\` after \`${command}\``);
    case 'kb': {
      const [sub, dir, ...extra] = rest;
      if (sub !== 'lint' || extra.length > 0) {
        throw new UsageError(`unexpected \`kb ${rest.join(' ')}\`, expected \`kb lint [DIR]\``);
      }
      // the dead branch of each build is dropped, with what it imports: the SEA has no kb lint
      if (ROOTLESS_DOCTOR_SEA) {
        io.stderr.write(
          'rootless-doctor: `kb lint` is not part of the single executable; it comes with the npm package (npm install -g rootless-doctor)\n',
        );
        return ExitCode.usage;
      } else {
        const { runKbLint, defaultKbDir } = await import('./commands/kb-lint.js');
        const cwd = process.cwd();
        return runKbLint(dir ?? defaultKbDir(cwd), cwd, io, { json: options.json });
      }
    }
    case 'check': {
      expectNoArguments('check', rest);
      const [{ runCheck }, { createNodeHost }, ruleSet] = await Promise.all([
        import('./commands/check.js'),
        import('./probe/node-host.js'),
        loadKb(),
      ]);
      const host = createNodeHost({ root: options.hostRoot, env: io.env });
      return runCheck(options, io, { ruleSet, host, user: values.user });
    }
    case 'search': {
      if (rest.length === 0) throw new UsageError('`search` needs at least one word');
      const { runSearch } = await import('./commands/search.js');
      return runSearch(rest, options, io, { ruleSet: await loadKb() });
    }
    case 'show': {
      if (rest.length !== 1) throw new UsageError('`show` needs exactly one entry id');
      const { runShow } = await import('./commands/show.js');
      return runShow(rest[0] ?? '', options, io, { ruleSet: await loadKb() });
    }
  }
  if (command === 'tui' || (positionals.length === 0 && io.stdin.isTTY && !options.json)) {
    if (command === 'tui') expectNoArguments('tui', rest);
    const { runTui } = await import('./commands/tui.js');
    return runTui(options, io, { ruleSet: await loadKb() });
  }

  // pipe mode: `rootless-doctor [FILE]`, `-` for standard input
  const mistyped = first === undefined ? undefined : mistypedCommand(first, COMMANDS, existsSync);
  if (mistyped !== undefined) throw new UsageError(mistyped);
  if (positionals.length > 1) {
    throw new UsageError(
      `unexpected extra argument \`${positionals[1]}\`, expected at most one FILE`,
    );
  }
  const [{ runPipe }, ruleSet] = await Promise.all([import('./commands/pipe.js'), loadKb()]);
  const probing = options.probe
    ? await (await import('./commands/create-host-probing.js')).createHostProbing(options, io)
    : undefined;
  return runPipe({ ...options, file: first === '-' ? undefined : first }, io, {
    ruleSet,
    ...probing,
  });
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: 'boolean', default: false },
        'no-probe': { type: 'boolean', default: false },
        ignore: { type: 'string', multiple: true, default: [] },
        'no-color': { type: 'boolean', default: false },
        'host-root': { type: 'string' },
        user: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'V', default: false },
      },
    });
  } catch (error) {
    // node's messages go on to explain `--`; the first sentence is the useful part
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(message.split(/\.\s/)[0] ?? message);
  }
}

async function loadKb() {
  const { loadRuleSet, parseRuleSet } = await import('./kb/load-rule-set.js');
  if (ROOTLESS_DOCTOR_SEA) {
    const { readSeaAsset } = await import('./commands/sea-assets.js');
    return parseRuleSet(await readSeaAsset('kb.json'), 'kb.json (inside this executable)');
  }
  return loadRuleSet(fileURLToPath(new URL('./kb.json', import.meta.url)));
}

function expectNoArguments(command: string, rest: string[]) {
  if (rest.length > 0)
    throw new UsageError(`unexpected argument \`${rest[0]}\` after \`${command}\``);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`rootless-doctor: ${error.message}\n${USAGE_HINT}\n`);
    } else if (error instanceof Error && error.name === 'RuleSetError') {
      process.stderr.write(`rootless-doctor: ${error.message}\n`);
    } else {
      // no stack trace for users; ROOTLESS_DOCTOR_DEBUG=1 shows it for us
      const detail =
        process.env.ROOTLESS_DOCTOR_DEBUG && error instanceof Error ? error.stack : String(error);
      process.stderr.write(`rootless-doctor: internal error: ${detail}\n`);
    }
    process.exitCode = ExitCode.usage;
  },
);
