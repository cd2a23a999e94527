/**
 * systemd notifications: the daemon, run as its own process under a fake NOTIFY_SOCKET, sends
 * READY=1 once started (degraded here: no model in its modelDir), WATCHDOG=1 at half of
 * WATCHDOG_USEC, and STOPPING=1 on SIGTERM before exiting 0.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { SystemdNotifier, sockaddrUn } from '../src/agent/notify.js';
import { startMosquitto } from './helpers/mosquitto.js';
import { openNotifySocket } from './helpers/notify-socket.js';

const dir = mkdtempSync(join(tmpdir(), 'needle-notify-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function until(what: string, check: () => boolean, timeoutMs = 15000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('sd_notify', () => {
  it('encodes path and abstract socket addresses', () => {
    const path = sockaddrUn('/run/systemd/notify');
    assert.equal(path.addr.readUInt16LE(0), 1);
    assert.equal(path.length, 2 + '/run/systemd/notify'.length + 1);
    const abstract = sockaddrUn('@needle');
    assert.equal(abstract.addr[2], 0);
    assert.equal(abstract.addr.subarray(3, 9).toString(), 'needle');
    assert.equal(abstract.length, 2 + 7);
  });

  it('is a no-op without NOTIFY_SOCKET', () => {
    const n = new SystemdNotifier({});
    assert.equal(n.enabled, false);
    assert.equal(n.ready(), false);
    n.startWatchdog();
    n.close();
  });

  it('sends to an abstract-namespace socket', async () => {
    const sock = await openNotifySocket(`@needle-test-${process.pid}`);
    try {
      const n = new SystemdNotifier({ NOTIFY_SOCKET: sock.address });
      assert.equal(n.ready('all good'), true);
      await until('READY', () => sock.messages.length > 0);
      assert.equal(sock.messages[0], 'READY=1\nSTATUS=all good');
      n.close();
    } finally {
      sock.close();
    }
  });

  it('daemon process: READY=1, WATCHDOG=1 at half WATCHDOG_USEC, STOPPING=1 on SIGTERM', async () => {
    const broker = await startMosquitto();
    const sock = await openNotifySocket(join(dir, 'notify.sock'));
    const emptyModels = join(dir, 'no-model');
    mkdirSync(emptyModels);
    const configFile = join(dir, 'agent.yaml');
    writeFileSync(
      configFile,
      `mqtt: { url: "${broker.url}", clientId: notify-test-${process.pid}, baseTopic: notify-test }
router: { modelDir: ${emptyModels} }
inputs: { stdin: { enabled: false }, http: { enabled: false } }
drivers: { stateDir: ${dir} }
tools:
  - name: ping
    description: Publish a ping
    action: { driver: mqtt, topic: notify-test/ping }
`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/agent/cli.ts', 'run', '--config', configFile], {
      env: { ...process.env, NOTIFY_SOCKET: sock.address, WATCHDOG_USEC: '300000' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await until('READY=1', () => sock.messages.some((m) => m.startsWith('READY=1')), 30000).catch((e: Error) => {
        throw new Error(`${e.message}\nmessages: ${JSON.stringify(sock.messages)}\nstderr:\n${stderr}`);
      });
      const ready = sock.messages.find((m) => m.startsWith('READY=1')) as string;
      assert.match(ready, /STATUS=degraded: router unavailable/, 'READY says why it is degraded');
      const readyAt = sock.messages.indexOf(ready);
      const t0 = Date.now();
      await until('two watchdog pings', () => sock.messages.slice(readyAt).filter((m) => m === 'WATCHDOG=1').length >= 3);
      const elapsed = Date.now() - t0;
      assert.ok(elapsed < 1500, `pings every ~150 ms (3 took ${elapsed} ms)`);
      child.kill('SIGTERM');
      const code = await exited;
      assert.equal(code, 0, `exit code; stderr:\n${stderr}`);
      const stopping = sock.messages.findIndex((m) => m.startsWith('STOPPING=1'));
      assert.ok(stopping > readyAt, `STOPPING=1 after READY=1: ${JSON.stringify(sock.messages)}`);
      assert.match(stderr, /Needle router failed to load/, 'the log names the router problem');
    } finally {
      child.kill('SIGKILL');
      sock.close();
      await broker.stop();
    }
  });
});
