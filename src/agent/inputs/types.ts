/** What every command input (MQTT, HTTP, stdin) looks like to the daemon. */
export interface InputSource {
  readonly name: string;
  start(): Promise<void>;
  /** Stops accepting commands; commands already accepted still finish in the pipeline. */
  stop(): Promise<void>;
}

export interface InputLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
