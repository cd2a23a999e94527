/**
 * Where speech PCM comes from: the microphone (arecord/sox via node-record-lpcm16), a file (raw
 * S16LE or a 16 kHz mono 16-bit WAV), or a stream such as stdin. All deliver 16 kHz mono S16LE.
 */
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { BYTES_PER_SAMPLE, SAMPLE_RATE } from '../types.js';
import { startCapture, type RecorderProgram } from './recorder.js';

export type SourceConfig =
  | { type: 'microphone'; recorder: RecorderProgram; device?: string }
  | { type: 'file'; path: string; realtime: boolean }
  | { type: 'stdin' };

export interface AudioSource {
  readonly description: string;
  /** Delivers PCM chunks until stop() or the end of the input (then onEnd). */
  start(onData: (pcm: Buffer) => void, onEnd: () => void, onError: (err: Error) => void): void;
  stop(): void;
}

/** Byte offset of the PCM data in a WAV file, after checking it is 16 kHz mono 16-bit PCM; 0 for raw. */
export function wavDataOffset(header: Buffer): number {
  if (header.length < 12 || header.toString('ascii', 0, 4) !== 'RIFF' || header.toString('ascii', 8, 12) !== 'WAVE') return 0;
  let off = 12;
  while (off + 8 <= header.length) {
    const id = header.toString('ascii', off, off + 4);
    const size = header.readUInt32LE(off + 4);
    if (id === 'fmt ') {
      const format = header.readUInt16LE(off + 8);
      const channels = header.readUInt16LE(off + 10);
      const rate = header.readUInt32LE(off + 12);
      const bits = header.readUInt16LE(off + 22);
      if (format !== 1 || channels !== 1 || rate !== SAMPLE_RATE || bits !== 16) {
        throw new Error(`WAV must be 16 kHz mono 16-bit PCM (got format ${format}, ${channels} ch, ${rate} Hz, ${bits} bit); `
          + 'convert with: sox in.wav -r 16000 -c 1 -b 16 out.wav');
      }
    }
    if (id === 'data') return off + 8;
    off += 8 + size + (size % 2);
  }
  throw new Error('WAV file without a data chunk in its first 4 KiB');
}

function streamSource(description: string, open: () => Readable, stopStream: (s: Readable) => void): AudioSource {
  let stream: Readable | null = null;
  return {
    description,
    start(onData, onEnd, onError) {
      stream = open();
      let odd: Buffer | null = null;
      stream.on('data', (chunk: Buffer) => {
        // Keep samples whole even when a chunk boundary splits one.
        let buf = odd === null ? chunk : Buffer.concat([odd, chunk]);
        odd = null;
        if (buf.length % 2 === 1) { odd = buf.subarray(buf.length - 1); buf = buf.subarray(0, buf.length - 1); }
        if (buf.length > 0) onData(buf);
      });
      stream.on('end', onEnd);
      stream.on('error', (err) => onError(err instanceof Error ? err : new Error(String(err))));
    },
    stop() {
      if (stream !== null) stopStream(stream);
    },
  };
}

/** Paces chunks at real time (for replaying a recording as if it were live). */
function realtime(source: AudioSource): AudioSource {
  let timer: NodeJS.Timeout | null = null;
  return {
    description: `${source.description} (real time)`,
    start(onData, onEnd, onError) {
      const queue: Buffer[] = [];
      let ended = false;
      const t0 = Date.now();
      let sentBytes = 0;
      const tick = (): void => {
        const due = ((Date.now() - t0) / 1000) * SAMPLE_RATE * BYTES_PER_SAMPLE;
        while (queue.length > 0 && sentBytes < due) {
          const chunk = queue.shift() as Buffer;
          sentBytes += chunk.length;
          onData(chunk);
        }
        if (ended && queue.length === 0) { if (timer !== null) clearInterval(timer); timer = null; onEnd(); }
      };
      timer = setInterval(tick, 20);
      source.start((pcm) => {
        for (let off = 0; off < pcm.length; off += 640) queue.push(pcm.subarray(off, off + 640));
      }, () => { ended = true; }, onError);
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      source.stop();
    },
  };
}

export function createAudioSource(config: SourceConfig, stdin: Readable = process.stdin): AudioSource {
  switch (config.type) {
    case 'microphone': {
      let capture: ReturnType<typeof startCapture> | null = null;
      const where = config.device ?? 'default device';
      return {
        description: `${config.recorder} (${where})`,
        start(onData, onEnd, onError) {
          capture = startCapture({ program: config.recorder, ...(config.device ? { device: config.device } : {}) });
          capture.onError(onError);
          const s = streamSource('mic', () => (capture as ReturnType<typeof startCapture>).stream, () => undefined);
          s.start(onData, onEnd, onError);
        },
        stop() {
          capture?.stop();
        },
      };
    }
    case 'file': {
      const fd = openSync(config.path, 'r');
      const header = Buffer.alloc(4096);
      const n = readSync(fd, header, 0, header.length, 0);
      closeSync(fd);
      const start = wavDataOffset(header.subarray(0, n));
      const src = streamSource(`file ${config.path}`, () => createReadStream(config.path, { start }), (s) => s.destroy());
      return config.realtime ? realtime(src) : src;
    }
    case 'stdin':
      return streamSource('stdin', () => stdin, (s) => s.pause());
  }
}
