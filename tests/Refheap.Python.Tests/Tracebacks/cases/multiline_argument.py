def f(*a):
    return a
x = f(1,
      undefined,
      3)
