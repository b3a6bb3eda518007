# int/bool/long and float attributes (real, imag, numerator, denominator: getset descriptors in the type dicts) and methods (float hex/fromhex/as_integer_ratio; 3.12 int bit_count/as_integer_ratio/is_integer): values, types, identity, errors in each version's words
from __future__ import print_function
import sys

def t(f):
    try:
        r = f()
        print(repr(r), type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)

names = ["real", "imag", "numerator", "denominator", "conjugate", "bit_length", "bit_count", "as_integer_ratio", "is_integer", "hex", "fromhex"]
for T in (int, bool, float):
    print(T.__name__, [n for n in names if n in dir(T)], [n for n in names if n in T.__dict__])
big = 2 ** 70
for v in (7, -3, True, False, big, -big, 2.5, -0.0):
    print(repr(v), [repr(getattr(v, n)) for n in ("real", "imag", "numerator", "denominator") if hasattr(v, n)])
x = 300; f = 2.5
print(x.real is x, x.numerator is x, f.real is f, f.imag is f.imag, True.real is 1)
t(lambda: int.real); t(lambda: float.imag); t(lambda: True.denominator)
def assign(v, name):
    setattr(v, name, 1)
t(lambda: assign(5, "real")); t(lambda: assign(5.0, "imag")); t(lambda: assign(True, "numerator")); t(lambda: delattr(5, "denominator"))
for v in (0.5, -2.75, 0.1, 1e300, 5e-324, 0.0, -0.0, 3.0, float("inf"), -float("inf"), float("nan"), 1.7976931348623157e308, 2.225073858507201e-308):
    t(lambda: v.hex()); t(lambda: v.as_integer_ratio())
for s in ("0x1.8p1", " -0X1.8P-1 ", "1", "0x.8", "0x1.", "inf", "-Infinity", "nan", "0x1p1024", "0x1.fffffffffffff8p1023", "0x1p-1075",
          "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1p-1074", "0x3p-1076", "0x", "0xg", "", "0x1p", "1e5", "0x1_0", "0x0p999999999999", "-0x1p-99999999999", "\t0x10\n"):
    t(lambda: float.fromhex(s))
t(lambda: float.fromhex(5)); t(lambda: float.fromhex()); t(lambda: (1.0).fromhex("0x1p3")); t(lambda: (1.5).hex(1)); t(lambda: (1.5).as_integer_ratio(2))
print(all(float.fromhex(v.hex()) == v for v in (0.1, 1e-310, 123.456, -7e200)))
if sys.version_info[0] > 2:
    for v in (0, 7, -255, True, big):
        t(lambda: v.bit_count()); t(lambda: v.as_integer_ratio()); t(lambda: v.is_integer())
    print(x.as_integer_ratio()[0] is x, type(True.as_integer_ratio()[0]).__name__)
    t(lambda: (5).bit_count(1)); t(lambda: int.is_integer())
else:
    print(long in (type(big), type((7).real)), type(big.real).__name__, type(long(3).denominator).__name__, hasattr(7, "bit_count"))
    t(lambda: long.numerator)
