# Runs every formatting case on the running CPython and prints the results as JSON lines:
# {"kind": ..., "fmt"/"spec": ..., "args": <encoded>, "kwargs": <encoded>, "ok": text} or "error"/"message".
# Run by generate.sh with 2.7.18 and 3.12.1; the C# tests replay each line on Refheap.
from __future__ import print_function
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def encode(v):
    if v is None:
        return {"none": None}
    if v is True or v is False:
        return {"bool": v}
    if isinstance(v, float):
        return {"float": repr(v)}
    if isinstance(v, (int, long_type)):
        return {"int": str(v)}
    if isinstance(v, str):
        return {"str": v}
    if isinstance(v, tuple):
        return {"tuple": [encode(x) for x in v]}
    if isinstance(v, list):
        return {"list": [encode(x) for x in v]}
    if isinstance(v, dict):
        return {"dict": [[encode(k), encode(x)] for k, x in sorted(v.items())]}
    raise ValueError("cannot encode %r" % (v,))


long_type = int if sys.version_info[0] >= 3 else long  # noqa: F821


def run(kind, text, values, kwargs):
    try:
        if kind == "percent":
            r = text % values
        elif kind == "format":
            r = text.format(*values, **kwargs)
        else:
            r = format(values, text)
        return {"ok": r}
    except Exception as e:
        return {"error": type(e).__name__, "message": str(e)}


def main():
    with open(os.path.join(HERE, "cases.txt")) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            kind, text, values, kwargs = line.split("\t") + [""] * (4 - len(line.split("\t")))
            text = eval(text)
            values = eval(values)
            kwargs = eval(kwargs) if kwargs else {}
            out = {"kind": kind, "text": text, "args": encode(values), "kwargs": encode(kwargs)}
            out.update(run(kind, text, values, kwargs))
            print(json.dumps(out, sort_keys=True))


main()
