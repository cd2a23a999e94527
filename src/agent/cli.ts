#!/usr/bin/env node
/**
 * needle-agent command line:
 *   needle-agent run [--config FILE]            the daemon (stdin, MQTT, HTTP inputs; systemd aware)
 *   needle-agent route "TEXT" [--config FILE]   one command through the same pipeline; prints the result
 *   needle-agent check [--config FILE]          validate a config and list its tools
 *   needle-agent default-config                 print the embedded default config
 * Without --config the embedded default (no hardware needed) is used.
 * Exit codes: 0 ok, 1 command not done (route) or runtime failure, 2 usage or config error.
 */
import { createDriverRegistry } from '../drivers/index.js';
import { ConfigError, readConfig, type AgentConfig } from './config.js';
import { Daemon } from './daemon.js';
import { DEFAULT_CONFIG_YAML } from './default-config.js';
import { createLogger } from './log.js';
import { SystemdNotifier } from './notify.js';
import { speechConfigOf, speechInputFactory } from '../speech/daemon-input.js';

const USAGE = `usage:
  needle-agent run [--config FILE]
  needle-agent route "TEXT" [--config FILE]
  needle-agent check [--config FILE]
  needle-agent default-config`;

interface Args {
  command: string;
  config?: string;
  positional: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  let config: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--config' || arg === '-c') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError('--config needs a file');
      config = value;
    } else if (arg.startsWith('--config=')) {
      config = arg.slice('--config='.length);
    } else if (arg === '--help' || arg === '-h') {
      positional.unshift('help');
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  const command = positional.shift() ?? 'help';
  return { command, positional, ...(config === undefined ? {} : { config }) };
}

/** Reads the config and checks each tool's action against the drivers' binding schemas. */
function loadCheckedConfig(file: string | undefined): AgentConfig {
  const parsed = readConfig(file);
  const schemas = createDriverRegistry({ startTimers: false });
  try {
    parsed.checkBindings(schemas);
  } finally {
    void schemas.close();
  }
  speechConfigOf(parsed.config); // the `speech:` block is validated by src/speech
  return parsed.config;
}

async function run(args: Args): Promise<number> {
  const config = loadCheckedConfig(args.config);
  const log = createLogger(config.log.level);
  const daemon = new Daemon({
    config,
    log,
    input: process.stdin,
    output: process.stdout,
    inputFactories: [speechInputFactory()],
  });
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    signals += 1;
    if (signals > 1) {
      log.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    daemon
      .stop(`received ${signal}`)
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log.error({ err: String(err) }, 'stop failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  await daemon.start();
  return new Promise<number>(() => undefined); // runs until a signal
}

async function route(args: Args): Promise<number> {
  const text = args.positional.join(' ').trim();
  if (text === '') throw new UsageError('route needs the command text');
  const config = loadCheckedConfig(args.config);
  const log = createLogger(config.log.level === 'info' ? 'warn' : config.log.level);
  const daemon = new Daemon({ config, log, oneShot: true, notifier: new SystemdNotifier({}) });
  await daemon.start();
  try {
    const result = await daemon.pipeline.handle({ text, source: 'cli' });
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return result.status === 'ok' ? 0 : 1;
  } finally {
    await daemon.stop('one-shot command done');
  }
}

function check(args: Args): number {
  const config = loadCheckedConfig(args.config);
  const lines = [
    `${config.file}: ok`,
    `  mqtt: ${config.mqtt.enabled ? `${config.mqtt.url} (base topic ${config.mqtt.baseTopic})` : 'disabled'}`,
    `  router: ${config.router.modelDir} (${config.router.variant})`,
    `  tools: ${config.tools.map((t) => `${t.name}${t.confirm ? ' (confirm)' : ''} -> ${t.action.driver}`).join(', ')}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'run':
      return run(args);
    case 'route':
      return route(args);
    case 'check':
      return check(args);
    case 'default-config':
      process.stdout.write(DEFAULT_CONFIG_YAML.trimStart());
      return 0;
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    default:
      throw new UsageError(`unknown command "${args.command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError) {
      process.stderr.write(`needle-agent: ${err.message}\n${USAGE}\n`);
      process.exit(2);
    }
    if (err instanceof ConfigError) {
      process.stderr.write(`needle-agent: ${err.message}\n`);
      process.exit(2);
    }
    process.stderr.write(`needle-agent: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
