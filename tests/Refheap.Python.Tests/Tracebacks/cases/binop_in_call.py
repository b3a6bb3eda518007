def f():
    return 1 + None
f()
