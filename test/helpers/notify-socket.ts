/**
 * A fake systemd notify socket for tests: a unix datagram socket (Node cannot open one, so a tiny
 * python3 child binds it) that reports every datagram it receives.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const LISTENER = `
import json, socket, sys
name = sys.argv[1]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind("\\0" + name[1:] if name.startswith("@") else name)
print(json.dumps("LISTENING"), flush=True)
while True:
    print(json.dumps(s.recv(65536).decode("utf-8", "replace")), flush=True)
`;

export interface NotifySocket {
  /** The value for NOTIFY_SOCKET. */
  address: string;
  /** Datagrams received so far, in order. */
  messages: string[];
  close(): void;
}

export async function openNotifySocket(address: string): Promise<NotifySocket> {
  const child: ChildProcess = spawn('python3', ['-c', LISTENER, address], { stdio: ['ignore', 'pipe', 'pipe'] });
  const messages: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`notify listener exited (${code}): ${stderr}`)));
    lines.on('line', (line) => {
      const msg = JSON.parse(line) as string;
      if (msg === 'LISTENING') resolve();
      else messages.push(msg);
    });
  });
  child.removeAllListeners('exit');
  return {
    address,
    messages,
    close: () => {
      child.kill('SIGKILL');
    },
  };
}
