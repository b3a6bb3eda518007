# Calls each builtin of cases.txt on the running CPython and prints JSON lines with the
# arguments (encoded) and the result's repr, or the exception's type and message.
from __future__ import print_function
import json
import os
import re
import sys

try:
    import builtins
except ImportError:
    import __builtin__ as builtins

HERE = os.path.dirname(os.path.abspath(__file__))
long_type = int if sys.version_info[0] >= 3 else long  # noqa: F821


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
    if isinstance(v, (set, frozenset)):
        return {type(v).__name__: [encode(x) for x in sorted(v)]}
    if isinstance(v, BaseException) and not v.args:
        return {"exception": type(v).__name__}
    if type(v).__name__ == "range":
        return {"range": [v.start, v.stop, v.step]}
    if isinstance(v, dict):
        return {"dict": [[encode(k), encode(x)] for k, x in v.items()]}
    name = getattr(v, "__name__", None)
    if name and getattr(builtins, name, None) is v:
        return {"builtin": name}
    for name in dir(builtins):
        if getattr(builtins, name) is v:
            return {"builtin": name}
    raise ValueError("cannot encode %r" % (v,))


def main():
    with open(os.path.join(HERE, "cases.txt")) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t") + ["", "", ""]
            try:
                name, args, kwargs, post = parts[0], eval(parts[1]), eval(parts[2]) if parts[2] else {}, parts[3]
            except NameError:
                # A builtin of the other version (cmp, ascii, unichr): the case is this profile's only.
                continue
            if not hasattr(builtins, name):
                continue
            out = {"name": name, "args": encode(args), "kwargs": encode(kwargs), "post": post}
            try:
                r = getattr(builtins, name)(*args, **kwargs)
                if post == "list":
                    r = list(r)
                out["ok"] = re.sub(r" at 0x[0-9a-f]+", " at 0xADDR", repr(r))
            except Exception as e:
                out["error"] = type(e).__name__
                out["message"] = str(e)
            print(json.dumps(out, sort_keys=True))


main()
