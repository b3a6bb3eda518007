def g():
    x = lambda: (yield)
    return 1
