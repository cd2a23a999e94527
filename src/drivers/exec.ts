/**
 * `exec` driver: runs one program with an argv array filled from validated arguments.
 *
 *   action: { driver: exec, command: /usr/bin/mpc, args: ["volume", "{{level}}"], timeout_ms: 3000 }
 *
 * No shell ever runs: the program is started with spawn(shell: false), each `args` element is
 * filled on its own and stays exactly one argv element whatever it contains (spaces, quotes, `;`,
 * `$(...)`). The program path itself is not templated. A timeout kills the program (SIGKILL).
 */
import type { ToolCall } from '../agent/types.js';
import { bindingChecker, clip, errorMessage, fail, ok } from './common.js';
import { describeFailure, runProcess } from './process.js';
import { fillArgv, fillTemplate, transformArgs, transformSchemaProperties, type ArgumentTransforms } from './template.js';
import type { ActionBinding, Driver, DriverContext, DriverResult } from './types.js';

export interface ExecBinding extends ArgumentTransforms {
  driver: 'exec';
  command: string;
  args?: string[];
  timeout_ms?: number;
  cwd?: string;
  /** Extra environment variables (values templated); the agent's environment is inherited. */
  env?: Record<string, string>;
  /** Text for the program's stdin (templated). */
  stdin?: string;
  /** Exit codes that count as success (default [0]). */
  ok_codes?: number[];
}

export const execBindingSchema = {
  type: 'object',
  required: ['driver', 'command'],
  additionalProperties: false,
  properties: {
    driver: { const: 'exec' },
    command: { type: 'string', minLength: 1, not: { pattern: '\\{\\{' } },
    args: { type: 'array', items: { type: 'string' } },
    timeout_ms: { type: 'integer', minimum: 1, maximum: 600000 },
    cwd: { type: 'string', minLength: 1 },
    env: { type: 'object', propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }, additionalProperties: { type: 'string' } },
    stdin: { type: 'string' },
    ok_codes: { type: 'array', items: { type: 'integer' }, minItems: 1 },
    ...transformSchemaProperties,
  },
} as const;

export function createExecDriver(): Driver {
  const check = bindingChecker<ExecBinding>('exec', execBindingSchema);
  return {
    name: 'exec',
    bindingSchema: execBindingSchema,
    async execute(raw: ActionBinding, call: ToolCall, _context: DriverContext): Promise<DriverResult> {
      const binding = check(raw);
      if (typeof binding === 'string') return fail(binding);
      let argv: string[];
      let env: NodeJS.ProcessEnv | undefined;
      let input: string | undefined;
      try {
        const args = transformArgs(call.arguments, binding);
        argv = fillArgv(binding.args ?? [], args);
        if (binding.env) {
          env = { ...process.env };
          for (const [k, v] of Object.entries(binding.env)) env[k] = fillArgv([v], args)[0];
        }
        if (binding.stdin !== undefined) input = fillTemplate(binding.stdin, args);
      } catch (e) {
        return fail(`exec: ${errorMessage(e)}`);
      }
      const r = await runProcess(binding.command, argv, {
        timeoutMs: binding.timeout_ms ?? 10000,
        cwd: binding.cwd,
        env,
        input,
      });
      const okCodes = binding.ok_codes ?? [0];
      const data = {
        exitCode: r.code,
        stdout: clip(r.stdout.trim(), 1000),
        stderr: clip(r.stderr.trim(), 500),
        durationMs: Math.round(r.durationMs),
      };
      if (r.error || r.timedOut || r.code === null || !okCodes.includes(r.code)) {
        return fail(`exec: ${describeFailure(binding.command, r)}`, data);
      }
      const out = r.stdout.trim().split('\n')[0] ?? '';
      return ok(out ? `${binding.command} ok: ${clip(out, 120)}` : `${binding.command} ok`, data);
    },
  };
}
