def g():
    return undefined
def f():
    return g() + 1
f()
