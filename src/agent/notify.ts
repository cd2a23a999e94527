/**
 * systemd notification protocol (sd_notify): datagrams like `READY=1` sent to the unix socket named
 * by $NOTIFY_SOCKET (a path, or `@name` in the abstract namespace). Node's dgram module has no unix
 * datagram sockets, so this calls libc's socket()/sendto() through koffi (prebuilt, no compiler;
 * already used for native libraries elsewhere). Without NOTIFY_SOCKET every method is a no-op.
 *
 * The watchdog pings at half of $WATCHDOG_USEC, only if $WATCHDOG_PID is unset or is this process.
 */
import koffi from 'koffi';

export interface NotifyLogger {
  warn(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

const AF_UNIX = 1;
const SOCK_DGRAM = 2;
const SOCK_CLOEXEC = 0o2000000;
const SUN_PATH_OFFSET = 2;
const SUN_PATH_MAX = 108;

interface LibcSocket {
  socket: (domain: number, type: number, protocol: number) => number;
  sendto: (fd: number, buf: Buffer, len: number, flags: number, addr: Buffer, addrlen: number) => number | bigint;
  close: (fd: number) => number;
}

let libc: LibcSocket | null = null;

function loadLibc(): LibcSocket {
  if (libc) return libc;
  let lib: ReturnType<typeof koffi.load> | undefined;
  let lastError: unknown;
  for (const name of ['libc.so.6', 'libc.so']) {
    try {
      lib = koffi.load(name);
      break;
    } catch (err) {
      lastError = err;
    }
  }
  if (!lib) throw new Error(`cannot load libc for sd_notify: ${String(lastError)}`);
  libc = {
    socket: lib.func('int socket(int domain, int type, int protocol)') as LibcSocket['socket'],
    sendto: lib.func(
      'intptr_t sendto(int fd, const void *buf, size_t len, int flags, const void *addr, uint32_t addrlen)',
    ) as LibcSocket['sendto'],
    close: lib.func('int close(int fd)') as LibcSocket['close'],
  };
  return libc;
}

/** Encodes $NOTIFY_SOCKET as a sockaddr_un; abstract names (`@x`) start with a NUL byte. */
export function sockaddrUn(path: string): { addr: Buffer; length: number } {
  const abstract = path.startsWith('@');
  const name = Buffer.from(abstract ? `\0${path.slice(1)}` : path, 'utf8');
  if (name.length >= SUN_PATH_MAX) throw new Error(`NOTIFY_SOCKET path is too long (${name.length} bytes)`);
  const addr = Buffer.alloc(SUN_PATH_OFFSET + SUN_PATH_MAX);
  addr.writeUInt16LE(AF_UNIX, 0); // sa_family_t in host byte order (all Linux targets here are little-endian)
  name.copy(addr, SUN_PATH_OFFSET);
  // Path sockets include the terminating NUL; abstract ones are exactly as long as the name.
  return { addr, length: SUN_PATH_OFFSET + name.length + (abstract ? 0 : 1) };
}

export class SystemdNotifier {
  private readonly socketPath: string | undefined;
  private readonly log: NotifyLogger | undefined;
  private fd = -1;
  private watchdogTimer: NodeJS.Timeout | null = null;
  private failed = false;

  constructor(env: NodeJS.ProcessEnv = process.env, log?: NotifyLogger) {
    const path = env.NOTIFY_SOCKET;
    this.socketPath = path && path.length > 0 ? path : undefined;
    this.log = log;
    const usec = Number(env.WATCHDOG_USEC ?? '');
    const pid = env.WATCHDOG_PID ? Number(env.WATCHDOG_PID) : process.pid;
    this.watchdogIntervalMs = Number.isFinite(usec) && usec > 0 && pid === process.pid ? usec / 2000 : null;
  }

  /** Half of WATCHDOG_USEC in ms, or null when the watchdog is not enabled for this process. */
  readonly watchdogIntervalMs: number | null;

  get enabled(): boolean {
    return this.socketPath !== undefined;
  }

  /** Sends one notification (e.g. `READY=1\nSTATUS=...`); returns false if not sent. */
  notify(state: string): boolean {
    if (!this.socketPath || this.failed) return false;
    try {
      const c = loadLibc();
      if (this.fd < 0) {
        this.fd = c.socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (this.fd < 0) throw new Error(`socket() failed, errno ${koffi.errno()}`);
      }
      const { addr, length } = sockaddrUn(this.socketPath);
      const msg = Buffer.from(state, 'utf8');
      const sent = Number(c.sendto(this.fd, msg, msg.length, 0, addr, length));
      if (sent < 0) {
        this.log?.warn({ socket: this.socketPath, errno: koffi.errno(), state }, 'sd_notify send failed');
        return false;
      }
      this.log?.debug({ state }, 'sd_notify');
      return true;
    } catch (err) {
      this.failed = true;
      this.log?.warn({ err: String(err) }, 'sd_notify unavailable; continuing without systemd notifications');
      return false;
    }
  }

  ready(status?: string): boolean {
    return this.notify(status ? `READY=1\nSTATUS=${status}` : 'READY=1');
  }

  status(text: string): boolean {
    return this.notify(`STATUS=${text}`);
  }

  stopping(status?: string): boolean {
    return this.notify(status ? `STOPPING=1\nSTATUS=${status}` : 'STOPPING=1');
  }

  /** Starts WATCHDOG=1 pings if systemd asked for them; `healthy` can veto a ping. */
  startWatchdog(healthy: () => boolean = () => true): void {
    if (!this.enabled || this.watchdogIntervalMs === null || this.watchdogTimer) return;
    const ping = (): void => {
      if (healthy()) this.notify('WATCHDOG=1');
    };
    ping();
    this.watchdogTimer = setInterval(ping, Math.max(1, Math.floor(this.watchdogIntervalMs)));
    this.watchdogTimer.unref();
  }

  stopWatchdog(): void {
    if (this.watchdogTimer) clearInterval(this.watchdogTimer);
    this.watchdogTimer = null;
  }

  close(): void {
    this.stopWatchdog();
    if (this.fd >= 0) {
      loadLibc().close(this.fd);
      this.fd = -1;
    }
  }
}
