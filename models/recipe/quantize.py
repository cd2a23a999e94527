"""Weight-quantises the exported Needle graphs to int8 with plain `onnx` graph edits (the onnxruntime
Python package, whose quantiser would do this, is not installable here).

Every MatMul whose right-hand side is a constant weight matrix W[K, N] becomes

    A --DynamicQuantizeLinear--> (A_u8, a_scale, a_zero)
    MatMulInteger(A_u8, W_s8, a_zero, 0) -> int32 -> Cast(float) -> * a_scale -> * w_scale[N]

with W quantised symmetrically per output column. Activations are quantised per call at run time
(dynamic quantisation), the integer product runs on onnxruntime's int8 kernels (NEON dot-product on
the Pi), and the weights take a quarter of the space. The embedding lookup (Gather) stays fp32.

    python3 models/recipe/quantize.py --dir models/needle
"""
import argparse
import json
import os

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper


def quantize_graph(model: onnx.ModelProto, min_elements: int = 1024) -> int:
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    new_nodes = []
    quantized_inputs = {}
    count = 0
    for node in graph.node:
        w = inits.get(node.input[1]) if node.op_type == "MatMul" and len(node.input) == 2 else None
        if w is None or len(w.dims) != 2 or w.data_type != TensorProto.FLOAT or np.prod(w.dims) < min_elements:
            new_nodes.append(node)
            continue
        W = numpy_helper.to_array(w).astype(np.float32)
        scale = np.maximum(np.abs(W).max(axis=0), 1e-8) / 127.0
        Wq = np.clip(np.round(W / scale), -127, 127).astype(np.int8)
        base = f"{node.name or node.output[0]}_q{count}"
        graph.initializer.extend([
            numpy_helper.from_array(Wq, base + "_w"),
            numpy_helper.from_array(scale.astype(np.float32), base + "_wscale"),
            numpy_helper.from_array(np.zeros(W.shape[1], dtype=np.int8), base + "_wzero"),
        ])
        a = node.input[0]
        if a not in quantized_inputs:
            qa = (a + "_u8", a + "_scale", a + "_zero")
            new_nodes.append(helper.make_node("DynamicQuantizeLinear", [a], list(qa), name=a + "_dql"))
            quantized_inputs[a] = qa
        a_u8, a_scale, a_zero = quantized_inputs[a]
        new_nodes += [
            helper.make_node("MatMulInteger", [a_u8, base + "_w", a_zero, base + "_wzero"], [base + "_i32"], name=base + "_mmi"),
            helper.make_node("Cast", [base + "_i32"], [base + "_f"], to=TensorProto.FLOAT, name=base + "_cast"),
            helper.make_node("Mul", [base + "_f", a_scale], [base + "_fa"], name=base + "_mula"),
            helper.make_node("Mul", [base + "_fa", base + "_wscale"], [node.output[0]], name=base + "_mulw"),
        ]
        count += 1
    del graph.node[:]
    graph.node.extend(new_nodes)
    used = {name for n in graph.node for name in n.input}
    keep = [i for i in graph.initializer if i.name in used]
    del graph.initializer[:]
    graph.initializer.extend(keep)
    return count


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default="models/needle")
    args = ap.parse_args()
    meta_path = os.path.join(args.dir, "model.json")
    meta = json.load(open(meta_path))
    files = {}
    for part in ("encoder", "decoder"):
        src = os.path.join(args.dir, meta[part]["file"])
        model = onnx.load(src)
        n = quantize_graph(model)
        onnx.checker.check_model(model)
        dst_name = meta[part]["file"].replace(".onnx", ".int8.onnx")
        onnx.save(model, os.path.join(args.dir, dst_name))
        files[part] = dst_name
        print(f"{part}: {n} MatMuls -> int8, {os.path.getsize(src)} -> {os.path.getsize(os.path.join(args.dir, dst_name))} bytes")
    meta.setdefault("variants", {})["int8"] = files
    with open(meta_path, "w") as f:
        json.dump(meta, f, indent=1)


if __name__ == "__main__":
    main()
