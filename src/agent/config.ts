/**
 * Loads the agent config: YAML text -> ajv schema check (defaults filled in) -> cross-field checks
 * (tool names, confirm lists, allowlists) -> each tool's `action` checked against its driver's
 * `bindingSchema`. Every problem is reported as `file:line:col: path: expected ...`.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, isAbsolute, resolve } from 'node:path';
import { LineCounter, isNode, parseDocument, type Document } from 'yaml';
import type { ActionBinding } from '../drivers/types.js';
import { createConfigAjv, explainAjvError, pointerToKeys, pointerToPath, type ErrorObject } from './ajv.js';
import { configSchema } from './config-schema.js';
import { DEFAULT_CONFIG_NAME, DEFAULT_CONFIG_YAML } from './default-config.js';
import { packageRoot } from './paths.js';
import type { CommandSource, ParameterSchema, ToolSchema } from './types.js';

export interface ToolConfig extends ToolSchema {
  /** Ask the user before running (also set by policy.confirm.tools). */
  confirm: boolean;
  action: ActionBinding;
}

export interface MqttConfig {
  enabled: boolean;
  url: string;
  clientId: string;
  username?: string;
  password?: string;
  /** Absolute paths (resolved against the config file's folder). */
  tls?: { ca?: string; cert?: string; key?: string; rejectUnauthorized: boolean };
  baseTopic: string;
  cleanSession: boolean;
  keepaliveS: number;
  connectTimeoutMs: number;
  reconnect: { minMs: number; maxMs: number };
  maxQueued: number;
  /** Publish Home Assistant MQTT discovery configs (retained) after connecting. */
  homeAssistant: { discovery: boolean; prefix: string; name: string };
}

export interface PolicyConfig {
  confidenceThreshold: number;
  confirm: { tools: string[]; timeoutS: number; yes: string[]; no: string[] };
  /** Per input source: the tools it may run (`*` = all). A source not listed may run every tool. */
  sources: Partial<Record<CommandSource, { allow: string[] }>>;
}

export interface InputsConfig {
  stdin: { enabled: boolean };
  mqtt: { enabled: boolean };
  http: { enabled: boolean; host: '127.0.0.1' | '::1' | 'localhost'; port: number };
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface AgentConfig {
  /** The file it came from, or `(embedded default)`. */
  file: string;
  mqtt: MqttConfig;
  router: { modelDir: string; variant: 'fp32' | 'int8' };
  policy: PolicyConfig;
  inputs: InputsConfig;
  log: { level: LogLevel };
  /** Driver-wide settings for the driver registry (stateDir resolved against the config's folder). */
  drivers: {
    stateDir?: string;
    gpio?: { gpiosetPath?: string; gpiogetPath?: string; settleMs?: number };
    speak?: { espeakPath?: string; voice?: string; device?: string };
  };
  speech?: Record<string, unknown>;
  tools: ToolConfig[];
}

export interface ConfigIssue {
  file: string;
  line?: number;
  column?: number;
  /** Path inside the file, e.g. `tools[2].action.topic`. */
  path: string;
  expected: string;
}

export class ConfigError extends Error {
  readonly issues: ConfigIssue[];
  constructor(issues: ConfigIssue[]) {
    super(
      `invalid config:\n${issues
        .map((i) => `  ${i.file}${i.line ? `:${i.line}:${i.column ?? 1}` : ''}: ${i.path}: expected ${i.expected}`)
        .join('\n')}`,
    );
    this.name = 'ConfigError';
    this.issues = issues;
  }
}

/** Just what config checking needs from a driver. */
export interface BindingSchemaSource {
  readonly bindingSchema: object;
}

export interface ParsedConfig {
  config: AgentConfig;
  /** Checks every tool's `action` against its driver's `bindingSchema`; throws ConfigError. */
  checkBindings(drivers: ReadonlyMap<string, BindingSchemaSource>): void;
}

const validateShape = (() => {
  let compiled: ReturnType<ReturnType<typeof createConfigAjv>['compile']> | undefined;
  return (data: unknown) => {
    compiled ??= createConfigAjv().compile(configSchema);
    const ok = compiled(data);
    return { ok, errors: compiled.errors ?? [] };
  };
})();

type Locator = (pointer: string) => { line?: number; column?: number };

function makeLocator(doc: Document.Parsed, lines: LineCounter): Locator {
  return (pointer) => {
    let keys = pointerToKeys(pointer);
    // Walk up until a node exists (a missing property points at its parent mapping).
    for (;;) {
      const node = keys.length === 0 ? doc.contents : doc.getIn(keys, true);
      if (isNode(node) && node.range) {
        const pos = lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
      if (keys.length === 0) return {};
      keys = keys.slice(0, -1);
    }
  };
}

function issueAt(file: string, locate: Locator, pointer: string, expected: string, anchor = pointer): ConfigIssue {
  return { file, ...locate(anchor), path: pointerToPath(pointer), expected };
}

function checkParameterSchema(
  file: string,
  locate: Locator,
  base: string,
  name: string,
  p: ParameterSchema,
  issues: ConfigIssue[],
): void {
  const at = `${base}/${name}`;
  const numeric = p.type === 'integer' || p.type === 'number';
  if ((p.minimum !== undefined || p.maximum !== undefined) && !numeric) {
    issues.push(issueAt(file, locate, at, `minimum/maximum only on integer or number parameters (type is ${p.type})`));
  }
  if (p.minimum !== undefined && p.maximum !== undefined && p.minimum > p.maximum) {
    issues.push(issueAt(file, locate, `${at}/minimum`, `a minimum <= maximum (${p.maximum})`));
  }
  p.enum?.forEach((value, i) => {
    const fits =
      p.type === 'string'
        ? typeof value === 'string'
        : p.type === 'integer'
          ? Number.isInteger(value)
          : p.type === 'number'
            ? typeof value === 'number'
            : false;
    if (!fits) issues.push(issueAt(file, locate, `${at}/enum/${i}`, `a ${p.type} value like the parameter's type`));
  });
}

function checkCrossFields(file: string, locate: Locator, config: AgentConfig, issues: ConfigIssue[]): void {
  const names = new Map<string, number>();
  config.tools.forEach((tool, i) => {
    const first = names.get(tool.name);
    if (first !== undefined) {
      issues.push(issueAt(file, locate, `/tools/${i}/name`, `a unique tool name ("${tool.name}" is also tools[${first}])`));
    } else names.set(tool.name, i);
    const props = tool.parameters.properties;
    for (const [pname, p] of Object.entries(props)) {
      checkParameterSchema(file, locate, `/tools/${i}/parameters/properties`, pname, p, issues);
    }
    (tool.parameters.required ?? []).forEach((req, j) => {
      if (!(req in props)) {
        issues.push(
          issueAt(file, locate, `/tools/${i}/parameters/required/${j}`, `a name declared in parameters.properties (no "${req}")`),
        );
      }
    });
  });
  const known = [...names.keys()];
  config.tools.forEach((tool, i) => {
    // timers run another tool when due: it must exist
    const onFire = (tool.action as { on_fire?: { tool?: unknown } }).on_fire;
    if (typeof onFire?.tool === 'string' && !names.has(onFire.tool)) {
      issues.push(issueAt(file, locate, `/tools/${i}/action/on_fire/tool`, `a tool name, one of: ${known.join(', ')}`));
    }
  });
  config.policy.confirm.tools.forEach((name, i) => {
    if (!names.has(name)) {
      issues.push(issueAt(file, locate, `/policy/confirm/tools/${i}`, `a tool name, one of: ${known.join(', ')}`));
    }
  });
  for (const [source, rule] of Object.entries(config.policy.sources)) {
    rule?.allow.forEach((name, i) => {
      if (name !== '*' && !names.has(name)) {
        issues.push(
          issueAt(file, locate, `/policy/sources/${source}/allow/${i}`, `"*" or a tool name, one of: ${known.join(', ')}`),
        );
      }
    });
  }
  if (config.mqtt.reconnect.minMs > config.mqtt.reconnect.maxMs) {
    issues.push(issueAt(file, locate, '/mqtt/reconnect/minMs', `at most reconnect.maxMs (${config.mqtt.reconnect.maxMs})`));
  }
}

/**
 * A schema with `oneOf` alternatives (e.g. one per MQTT preset) fails every branch; report only the
 * branch that came closest (fewest errors), which is the one the user meant.
 */
function closestBranchErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const branchOf = (e: ErrorObject): string | undefined => /^(.*?\/(?:oneOf|anyOf)\/\d+)\//.exec(e.schemaPath)?.[1];
  const counts = new Map<string, number>();
  for (const e of errors) {
    const b = branchOf(e);
    if (b) counts.set(b, (counts.get(b) ?? 0) + 1);
  }
  if (counts.size === 0) return [...errors];
  const best = [...counts.entries()].sort((a, b) => a[1] - b[1])[0]?.[0];
  return errors.filter((e) => {
    if (e.keyword === 'oneOf' || e.keyword === 'anyOf') return false;
    const b = branchOf(e);
    return b === undefined || b === best;
  });
}

function resolveFrom(baseDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

/** Parses and checks config text. `file` names it in errors; relative paths resolve against `baseDir`. */
export function parseConfig(text: string, file: string, baseDir: string): ParsedConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((e) => ({
        file,
        line: e.linePos?.[0].line,
        column: e.linePos?.[0].col,
        path: '(yaml)',
        expected: `valid YAML (${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')})`,
      })),
    );
  }
  const locate = makeLocator(doc, lines);
  const data: unknown = doc.toJS({ maxAliasCount: 100 });
  const shape = validateShape(data);
  if (!shape.ok) {
    const seen = new Set<string>();
    const issues: ConfigIssue[] = [];
    for (const err of shape.errors) {
      const ex = explainAjvError(err);
      const issue = issueAt(file, locate, ex.pointer, ex.expected, ex.anchorPointer);
      const key = `${issue.path}|${issue.expected}`;
      if (!seen.has(key)) {
        seen.add(key);
        issues.push(issue);
      }
    }
    throw new ConfigError(issues);
  }
  const raw = data as Omit<AgentConfig, 'file'> & { router: { modelDir?: string }; mqtt: { clientId?: string } };
  const tools = raw.tools.map((tool) => ({
    ...tool,
    confirm: tool.confirm || raw.policy.confirm.tools.includes(tool.name),
  }));
  const tls = raw.mqtt.tls
    ? {
        ...raw.mqtt.tls,
        ca: raw.mqtt.tls.ca === undefined ? undefined : resolveFrom(baseDir, raw.mqtt.tls.ca),
        cert: raw.mqtt.tls.cert === undefined ? undefined : resolveFrom(baseDir, raw.mqtt.tls.cert),
        key: raw.mqtt.tls.key === undefined ? undefined : resolveFrom(baseDir, raw.mqtt.tls.key),
      }
    : undefined;
  const config: AgentConfig = {
    ...raw,
    file,
    mqtt: {
      ...raw.mqtt,
      clientId: raw.mqtt.clientId ?? `needle-agent-${hostname()}`.slice(0, 128),
      tls,
    },
    router: {
      variant: raw.router.variant,
      modelDir: raw.router.modelDir
        ? resolveFrom(baseDir, raw.router.modelDir)
        : resolve(packageRoot(), 'models', 'needle'),
    },
    drivers: {
      ...raw.drivers,
      ...(raw.drivers.stateDir === undefined ? {} : { stateDir: resolveFrom(baseDir, raw.drivers.stateDir) }),
    },
    tools,
  };
  const issues: ConfigIssue[] = [];
  checkCrossFields(file, locate, config, issues);
  if (issues.length > 0) throw new ConfigError(issues);

  return {
    config,
    checkBindings(drivers) {
      const ajv = createConfigAjv();
      const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
      const found: ConfigIssue[] = [];
      config.tools.forEach((tool, i) => {
        const base = `/tools/${i}/action`;
        const driver = drivers.get(tool.action.driver);
        if (!driver) {
          found.push(issueAt(file, locate, `${base}/driver`, `a driver name, one of: ${[...drivers.keys()].join(', ')}`));
          return;
        }
        let validate = compiled.get(tool.action.driver);
        if (!validate) {
          validate = ajv.compile(driver.bindingSchema);
          compiled.set(tool.action.driver, validate);
        }
        if (!validate(tool.action)) {
          for (const err of closestBranchErrors(validate.errors ?? [])) {
            const ex = explainAjvError(err);
            found.push(issueAt(file, locate, `${base}${ex.pointer}`, ex.expected, `${base}${ex.anchorPointer}`));
          }
        }
      });
      if (found.length > 0) throw new ConfigError(found);
    },
  };
}

/** Reads a config file, or the embedded default when `file` is undefined. */
export function readConfig(file?: string): ParsedConfig {
  if (file === undefined) return parseConfig(DEFAULT_CONFIG_YAML, DEFAULT_CONFIG_NAME, packageRoot());
  const path = resolve(file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new ConfigError([
      { file, path: '(file)', expected: `a readable YAML file (${(err as NodeJS.ErrnoException).code ?? String(err)})` },
    ]);
  }
  return parseConfig(text, file, dirname(path));
}

/** Reads a config and checks its actions against the given drivers in one step. */
export function loadConfig(file: string | undefined, drivers: ReadonlyMap<string, BindingSchemaSource>): AgentConfig {
  const parsed = readConfig(file);
  parsed.checkBindings(drivers);
  return parsed.config;
}
