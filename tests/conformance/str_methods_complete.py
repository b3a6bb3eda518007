# str's expandtabs and translate (2.7: a 256-character table and deletechars; 3.12: a mapping, str.maketrans) and 3.12's casefold, format_map, is* predicates and removeprefix/removesuffix: results, identity of unchanged results, errors
from __future__ import print_function
import sys

PY2 = sys.version_info[0] == 2

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

s = "ab\tc\td\n\te\r\tf"
for size in ((), (4,), (0,), (-1,), (1,)):
    t(lambda: s.expandtabs(*size))
t(lambda: s.expandtabs(2.0)); t(lambda: s.expandtabs(1, 2)); t(lambda: s.expandtabs("x")); t(lambda: s.expandtabs(tabsize=3))
x = "abc"
print(x.expandtabs() is x, x.translate(None if PY2 else {}) is x)

class Counting(dict):
    calls = 0
    def __getitem__(self, key):
        Counting.calls += 1
        return dict.__getitem__(self, key)

if PY2:
    table = "".join(chr(i) for i in range(256)).replace("a", "A")
    t(lambda: "banana".translate(table)); t(lambda: "banana".translate(table, "n")); t(lambda: "banana".translate(None, "an"))
    t(lambda: "banana".translate("abc")); t(lambda: "banana".translate(5)); t(lambda: "banana".translate()); t(lambda: "banana".translate(None, 5))
    t(lambda: "banana".translate(None, "a", 3)); t(lambda: "banana".translate(None, None))
    print(x.translate(None, "q") is x, x.translate(None, "a") is x)
    for name in ("maketrans", "casefold", "format_map", "isascii", "isdecimal", "isnumeric", "isidentifier", "isprintable", "removeprefix", "removesuffix"):
        print(name, hasattr(str, name))
else:
    t(lambda: "banana".translate({97: "A", ord("n"): None})); t(lambda: "banana".translate({97: 66, 98: "\u00e9", 110: "xy"}))
    t(lambda: "banana".translate({97: 2.0})); t(lambda: "banana".translate({97: -1})); t(lambda: "banana".translate(5))
    t(lambda: "banana".translate([None, "x"] * 60)); t(lambda: "banana".translate()); t(lambda: "b\u00e9".translate({233: 101}))
    m = Counting({97: "A", 110: "nn"}); t(lambda: "banana".translate(m)); print(Counting.calls)
    t(lambda: str.maketrans("ab", "cd")); t(lambda: str.maketrans("ab", "c")); t(lambda: str.maketrans({"a": 1, 98: "x"}))
    t(lambda: str.maketrans({"ab": 1})); t(lambda: str.maketrans({1.5: 1})); t(lambda: str.maketrans(5)); t(lambda: str.maketrans(5, "a"))
    t(lambda: str.maketrans("a", 5)); t(lambda: str.maketrans("a", "b", "cd")); t(lambda: str.maketrans()); t(lambda: "".maketrans("a", "b"))
    t(lambda: "Stra\u00dfe \u03a3\u0391\u03a3 \u00b5 \ufb01".casefold()); t(lambda: "aBc".casefold())
    for text in ("abc", "\u00e9", "", "123", "\u00bd", "\u00b2", "\u0663", "a_1", "1a", "_", "\u00e9t\u00e9", "a-b", "ab c", "a\tb", "\u00a0"):
        print(repr(text), text.isascii(), text.isdecimal(), text.isnumeric(), text.isidentifier(), text.isprintable())
    t(lambda: "prefix".removeprefix("pre")); t(lambda: "prefix".removesuffix("fix")); t(lambda: "prefix".removeprefix(5)); t(lambda: "prefix".removesuffix())
    y = "prefix"; print(y.removeprefix("x") is y, y.removeprefix("") is y, y.removesuffix("") is y, y.removesuffix("prefix") == "")
    class M(dict):
        def __missing__(self, k):
            return k.upper()
    t(lambda: "{a} {b[0]}".format_map({"a": 1, "b": [2]})); t(lambda: "{}".format_map({})); t(lambda: "{x}".format_map({}))
    t(lambda: "{x} {y}".format_map(M(y=1))); t(lambda: "{0}".format_map({})); t(lambda: "a".format_map()); t(lambda: "{x}".format_map(5))
    t(lambda: "a".casefold(1)); t(lambda: "a".isascii(1))
