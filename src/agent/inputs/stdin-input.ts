/**
 * Line input: each non-empty line of a stream (stdin in the daemon) is one command; each result is
 * written as one JSON line to the output stream. End of input stops this input, not the daemon.
 */
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { MAX_COMMAND_BYTES } from '../payload.js';
import { PipelineClosedError, type Pipeline } from '../pipeline.js';
import type { CommandSource } from '../types.js';
import type { EventSink } from '../result.js';
import type { InputLogger, InputSource } from './types.js';

export class LineInput implements InputSource {
  readonly name = 'stdin';
  private readonly input: Readable;
  private readonly output: Writable;
  private readonly pipeline: Pipeline;
  private readonly events: EventSink;
  private readonly log: InputLogger;
  private readonly source: CommandSource;
  private rl: Interface | null = null;

  constructor(opts: {
    input: Readable;
    output: Writable;
    pipeline: Pipeline;
    events: EventSink;
    log: InputLogger;
    source?: CommandSource;
  }) {
    this.input = opts.input;
    this.output = opts.output;
    this.pipeline = opts.pipeline;
    this.events = opts.events;
    this.log = opts.log;
    this.source = opts.source ?? 'stdin';
  }

  async start(): Promise<void> {
    const rl = createInterface({ input: this.input, crlfDelay: Infinity, terminal: false });
    this.rl = rl;
    rl.on('line', (line) => this.onLine(line));
    rl.on('close', () => this.log.info({ input: this.name }, 'line input ended'));
  }

  async stop(): Promise<void> {
    this.rl?.close();
    this.rl = null;
  }

  private onLine(line: string): void {
    const text = line.trim();
    if (text === '') return;
    if (Buffer.byteLength(text) > MAX_COMMAND_BYTES) {
      this.events.emit({
        type: 'error',
        source: this.source,
        reason: 'payload_too_large',
        detail: `line is over ${MAX_COMMAND_BYTES} bytes`,
        at: new Date().toISOString(),
      });
      return;
    }
    this.pipeline
      .handle({ text, source: this.source })
      .then((result) => {
        this.output.write(`${JSON.stringify(result)}\n`);
      })
      .catch((err: unknown) => {
        if (!(err instanceof PipelineClosedError)) this.log.error({ err: String(err) }, 'line command failed');
      });
  }
}
