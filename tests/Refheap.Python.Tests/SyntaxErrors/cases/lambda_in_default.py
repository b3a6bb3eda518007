def f(x=lambda: 1): pass
