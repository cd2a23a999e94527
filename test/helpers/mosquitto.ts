/**
 * Test helper (shared by the driver and daemon tests): a real Mosquitto broker on a free loopback
 * port, started as our own child process with a throw-away config (anonymous, no persistence).
 *
 *   const broker = await startMosquitto();
 *   ... connect to broker.url ...
 *   await broker.kill();      // broker gone (SIGKILL), port kept
 *   await broker.restart();   // same port again
 *   await broker.stop();      // end of test
 *
 * Set MOSQUITTO=/path/to/mosquitto to use another binary (default: /usr/sbin/mosquitto, then PATH).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Broker {
  port: number;
  url: string;
  /** stderr/stdout of the broker so far (for failure messages). */
  output(): string;
  /** SIGKILL the broker (simulates a crash); the port stays reserved for restart(). */
  kill(): Promise<void>;
  /** Starts the broker again on the same port. */
  restart(): Promise<void>;
  /** Stops the broker and removes its temp folder. */
  stop(): Promise<void>;
}

function mosquittoBinary(): string {
  if (process.env.MOSQUITTO) return process.env.MOSQUITTO;
  return existsSync('/usr/sbin/mosquitto') ? '/usr/sbin/mosquitto' : 'mosquitto';
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

export async function startMosquitto(): Promise<Broker> {
  const dir = mkdtempSync(join(tmpdir(), 'needle-mosquitto-'));
  const port = await freePort();
  const conf = join(dir, 'mosquitto.conf');
  writeFileSync(
    conf,
    [`listener ${port} 127.0.0.1`, 'allow_anonymous true', 'persistence false', 'log_dest stderr', 'log_type error', 'log_type warning', ''].join('\n'),
  );
  let child: ChildProcess | null = null;
  let log = '';

  const launch = async (): Promise<void> => {
    const proc = spawn(mosquittoBinary(), ['-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    proc.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    proc.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    let exited = false;
    proc.once('exit', () => (exited = true));
    proc.once('error', (e) => {
      exited = true;
      log += `spawn error: ${e.message}\n`;
    });
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      if (exited) throw new Error(`mosquitto exited at start:\n${log}`);
      if (await canConnect(port)) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    proc.kill('SIGKILL');
    throw new Error(`mosquitto did not listen on ${port} within 5 s:\n${log}`);
  };

  const halt = async (signal: NodeJS.Signals): Promise<void> => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const gone = new Promise<void>((r) => proc.once('exit', () => r()));
    proc.kill(signal);
    await gone;
  };

  await launch();
  return {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    output: () => log,
    kill: () => halt('SIGKILL'),
    restart: async () => {
      await halt('SIGKILL');
      await launch();
    },
    stop: async () => {
      await halt('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
