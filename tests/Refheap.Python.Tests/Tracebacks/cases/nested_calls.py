def f(a):
    return a.b
value = f(3)
