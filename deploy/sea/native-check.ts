/**
 * Entry point for checking a release's native loading (`make binary-check`): built with the same
 * packaging as the agent, it loads koffi (calls libc getpid) and onnxruntime-node (runs a one-node
 * ONNX graph built in memory) from node_modules beside the executable, and prints what it saw.
 * NEEDLE_CHECK_SKIP_ORT=1 checks koffi only (onnxruntime's arm64 build crashes under qemu-user, so
 * the emulated smoke test cannot cover it; on a real Pi leave it unset).
 */
import koffi from 'koffi';

/** A minimal ONNX model, hand-encoded protobuf: Y = Identity(X), X and Y float[1]. */
function identityModel(): Uint8Array {
  const bytes: number[] = [];
  const varint = (n: number): void => {
    while (n > 0x7f) {
      bytes.push((n & 0x7f) | 0x80);
      n >>>= 7;
    }
    bytes.push(n);
  };
  const field = (no: number, payload: number[]): number[] => {
    const save = bytes.splice(0, bytes.length);
    varint((no << 3) | 2);
    varint(payload.length);
    const out = bytes.splice(0, bytes.length).concat(payload);
    bytes.push(...save);
    return out;
  };
  const str = (no: number, s: string): number[] => field(no, [...Buffer.from(s)]);
  const int = (no: number, n: number): number[] => {
    const save = bytes.splice(0, bytes.length);
    varint(no << 3);
    varint(n);
    const out = bytes.splice(0, bytes.length);
    bytes.push(...save);
    return out;
  };
  // ValueInfo(name, type: Tensor(elem_type=FLOAT, shape=[1]))
  const dim = field(1, int(1, 1)); // Dimension.dim_value = 1
  const shape = field(2, dim); // TensorShape.dim
  const tensorType = [...int(1, 1), ...shape]; // elem_type FLOAT, shape
  const type = field(1, tensorType); // TypeProto.tensor_type
  const valueInfo = (name: string): number[] => [...str(1, name), ...field(2, type)];
  const node = [...str(1, 'X'), ...str(2, 'Y'), ...str(4, 'Identity')];
  const graph = [...field(1, node), ...str(2, 'g'), ...field(11, valueInfo('X')), ...field(12, valueInfo('Y'))];
  const opset = int(2, 13); // OperatorSetId.version
  const model = [...int(1, 7), ...field(7, graph), ...field(8, opset)]; // ir_version 7
  return Uint8Array.from(model);
}

async function main(): Promise<void> {
  const libc = koffi.load('libc.so.6');
  const getpid = libc.func('int getpid()') as () => number;
  const pid = getpid();
  let onnx: number[] | 'skipped' = 'skipped';
  if (process.env.NEEDLE_CHECK_SKIP_ORT !== '1') {
    const ort = await import('onnxruntime-node');
    const session = await ort.InferenceSession.create(identityModel());
    const out = await session.run({ X: new ort.Tensor('float32', Float32Array.from([4.5]), [1]) });
    onnx = Array.from(out.Y?.data as Float32Array);
  }
  process.stdout.write(`${JSON.stringify({ arch: process.arch, node: process.version, koffiPid: pid === process.pid, onnx })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`native-check failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
