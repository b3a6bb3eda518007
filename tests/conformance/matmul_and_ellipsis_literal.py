# 3.x's ... literal (a constant, folded into constant tuples) and the @ operator: __matmul__, __rmatmul__, __imatmul__ and CPython's TypeError without them
import gc


class M:
    def __init__(self, v):
        self.v = v

    def __matmul__(self, o):
        return M(self.v * (o.v if isinstance(o, M) else o))

    def __rmatmul__(self, o):
        return M(o * 100 + self.v)

    def __repr__(self):
        return "M(%r)" % self.v


class Only:
    def __imatmul__(self, o):
        print("imatmul", o)
        return self


a = M(2)
print(a @ M(3), a @ 5, 7 @ a)
b = a
b @= M(10)
print(a, b, a is b)
o = Only()
o @= 1
for bad in (lambda: 1 @ 2, lambda: [1] @ [2], lambda: Only() @ 1):
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
x = 3
try:
    x @= 4
except TypeError as e:
    print("TypeError:", e)
print(gc.collect())
def stub():
    ...
print(..., ... is Ellipsis, stub(), [..., 1], (...,), type(...).__name__)
x = ...
print(x)
def f():
    return (..., 1)
print(f() is f(), f.__code__.co_consts)
