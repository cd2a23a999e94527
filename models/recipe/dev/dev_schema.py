# Small builders for hand-written development sets: tool schemas in Needle's shape, expected calls,
# and the JSONL writer every make_*_dev.py script shares.
import json
import os


def T(name, desc, props=None, req=None):
    return {"name": name, "description": desc, "parameters": {"type": "object", "properties": props or {}, "required": req or []}}


def E(vals, d=None):
    p = {"type": "string", "enum": vals}
    if d:
        p["description"] = d
    return p


def S(d): return {"type": "string", "description": d}


def I(d, lo=None, hi=None):
    p = {"type": "integer", "description": d}
    if lo is not None:
        p["minimum"] = lo
    if hi is not None:
        p["maximum"] = hi
    return p


def N(d): return {"type": "number", "description": d}


def B(d): return {"type": "boolean", "description": d}


def C(tool_name, **a): return {"name": tool_name, "arguments": a}


def write_sets(script_file, out_name, kind, sets):
    """Writes (tools, rows) pairs as JSONL beside the calling script; returns the number of examples."""
    out = os.path.join(os.path.dirname(os.path.abspath(script_file)), out_name)
    n = 0
    with open(out, "w") as f:
        for tools, rows in sets:
            for q, a in rows:
                f.write(json.dumps({"query": q, "tools": tools, "answers": a, "meta": {"kind": kind, "families": [tools[0]["name"]]}}) + "\n")
                n += 1
    return n
