/**
 * JSON schema (ajv) for the agent's YAML config. Defaults live here too: ajv fills them in while
 * validating, so the loaded object is complete. Driver action blocks are only checked for a `driver`
 * name here; each driver's own `bindingSchema` checks the rest (see config.ts).
 */

const parameterSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: { type: 'string', enum: ['string', 'integer', 'number', 'boolean'] },
    description: { type: 'string' },
    enum: { type: 'array', minItems: 1, items: { type: ['string', 'number'] } },
    minimum: { type: 'number' },
    maximum: { type: 'number' },
  },
} as const;

const toolSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'description', 'action'],
  properties: {
    name: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' },
    description: { type: 'string', minLength: 1 },
    parameters: {
      type: 'object',
      additionalProperties: false,
      default: { type: 'object', properties: {} },
      properties: {
        type: { type: 'string', const: 'object', default: 'object' },
        properties: {
          type: 'object',
          default: {},
          propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]{0,63}$' },
          additionalProperties: parameterSchema,
        },
        required: { type: 'array', items: { type: 'string' }, uniqueItems: true },
      },
    },
    confirm: { type: 'boolean', default: false },
    action: {
      type: 'object',
      required: ['driver'],
      properties: { driver: { type: 'string', minLength: 1 } },
    },
  },
} as const;

const sourcePolicySchema = {
  type: 'object',
  additionalProperties: false,
  required: ['allow'],
  properties: {
    allow: { type: 'array', items: { type: 'string' }, uniqueItems: true },
  },
} as const;

export const configSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['tools'],
  properties: {
    mqtt: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        enabled: { type: 'boolean', default: true },
        url: { type: 'string', pattern: '^(mqtts?|wss?|tcp|ssl)://', default: 'mqtt://127.0.0.1:1883' },
        clientId: { type: 'string', minLength: 1, maxLength: 128 },
        username: { type: 'string' },
        password: { type: 'string' },
        tls: {
          type: 'object',
          additionalProperties: false,
          properties: {
            ca: { type: 'string' },
            cert: { type: 'string' },
            key: { type: 'string' },
            rejectUnauthorized: { type: 'boolean', default: true },
          },
        },
        baseTopic: { type: 'string', pattern: '^[^#+]+[^/#+]$', default: 'needle' },
        cleanSession: { type: 'boolean', default: true },
        keepaliveS: { type: 'integer', minimum: 5, maximum: 3600, default: 30 },
        connectTimeoutMs: { type: 'integer', minimum: 100, maximum: 120000, default: 5000 },
        reconnect: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            minMs: { type: 'integer', minimum: 50, default: 1000 },
            maxMs: { type: 'integer', minimum: 50, default: 30000 },
          },
        },
        maxQueued: { type: 'integer', minimum: 1, default: 10000 },
        homeAssistant: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            discovery: { type: 'boolean', default: false },
            prefix: { type: 'string', minLength: 1, default: 'homeassistant' },
            name: { type: 'string', minLength: 1, default: 'Needle agent' },
          },
        },
      },
    },
    router: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        modelDir: { type: 'string', minLength: 1 },
        variant: { type: 'string', enum: ['fp32', 'int8'], default: 'int8' },
      },
    },
    policy: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        confidenceThreshold: { type: 'number', minimum: 0, maximum: 1, default: 0.5 },
        confirm: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            tools: { type: 'array', items: { type: 'string' }, uniqueItems: true, default: [] },
            timeoutS: { type: 'number', exclusiveMinimum: 0, maximum: 3600, default: 30 },
            yes: {
              type: 'array',
              minItems: 1,
              items: { type: 'string', minLength: 1 },
              default: ['yes', 'confirm', 'yes please', 'do it'],
            },
            no: {
              type: 'array',
              minItems: 1,
              items: { type: 'string', minLength: 1 },
              default: ['no', 'cancel', 'stop', 'abort'],
            },
          },
        },
        sources: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            cli: sourcePolicySchema,
            stdin: sourcePolicySchema,
            mqtt: sourcePolicySchema,
            http: sourcePolicySchema,
            speech: sourcePolicySchema,
          },
        },
      },
    },
    inputs: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        stdin: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: { enabled: { type: 'boolean', default: true } },
        },
        mqtt: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: { enabled: { type: 'boolean', default: true } },
        },
        http: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: {
            enabled: { type: 'boolean', default: true },
            host: { type: 'string', enum: ['127.0.0.1', '::1', 'localhost'], default: '127.0.0.1' },
            port: { type: 'integer', minimum: 0, maximum: 65535, default: 8787 },
          },
        },
      },
    },
    log: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        level: {
          type: 'string',
          enum: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
          default: 'info',
        },
      },
    },
    /** Driver-wide settings for the driver registry. */
    drivers: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        stateDir: { type: 'string', minLength: 1 },
        gpio: {
          type: 'object',
          additionalProperties: false,
          properties: {
            gpiosetPath: { type: 'string', minLength: 1 },
            gpiogetPath: { type: 'string', minLength: 1 },
            settleMs: { type: 'integer', minimum: 0, maximum: 10000 },
          },
        },
        speak: {
          type: 'object',
          additionalProperties: false,
          properties: {
            espeakPath: { type: 'string', minLength: 1 },
            voice: { type: 'string', minLength: 1 },
            device: { type: 'string', minLength: 1 },
          },
        },
      },
    },
    /** Speech front end settings, owned and validated by src/speech. */
    speech: { type: 'object' },
    tools: { type: 'array', minItems: 1, items: toolSchema },
  },
} as const;
