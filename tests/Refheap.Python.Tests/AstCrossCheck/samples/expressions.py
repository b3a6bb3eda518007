a + b * c - d / e // f % g ** h ** i
-a ** -b
not a and b or c and not d
a < b <= c == d != e > f >= g
a is b is not c in d not in e
a | b ^ c & d << e >> f
~a + +b - -c
x if cond else y if other else z
lambda: 0
lambda x, y=1, *args, z, **kw: x + y
f()
f(a, b, *args, key=value, **kwargs)
f(x for x in y)
f(a)(b)(c)
obj.attr.method(1).result
items[0][1:2][::3][a:b:c][:, 1][..., None]
(a)
(a, b)
()
(a,)
((a, b), c)
await_ = 1
a.b.c = d[e][f] = g
x = y = (yield_ := 3)
[i for i in range(3)]
print(*args, sep='', end="\n")
3.14 + 1e10 + 0x1F + 0o17 + 0b101 + 1_000_000 + 0.5e-3 + 1e100
True, False, None, ...
not not x
a if b else (lambda: c)
f(**{'a': 1})
(yield)
