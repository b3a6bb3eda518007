def f(a, b
